import { basename, type ShellWord } from '../../../src/languages/shell/commands.ts';
import { positional, type ScriptRun } from '../package-scripts.ts';

/*
 * What a command is (RULES-commands.md §4.2–§4.5): a server or worker, a migration, a build, a
 * development server, or a command that starts nothing. Words are a command's words with
 * `exec`, `env`, `sudo` and user switchers already stripped (`effectiveCommand`).
 */

/** Programs that only run the words after them (and their own options). */
const RUNNERS: Readonly<Record<string, { subcommand?: string; untilDashDash?: boolean; valueFlags?: readonly string[] }>> = {
  'dumb-init': {},
  /** `busybox crond -f`, `busybox httpd`: the applet is the program. */
  busybox: {},
  tini: { untilDashDash: true },
  'tini-static': { untilDashDash: true },
  npx: { valueFlags: ['-p', '--package'] },
  bunx: {},
  pnpx: {},
  setpriv: { untilDashDash: true },
  runuser: { untilDashDash: true },
  doppler: { subcommand: 'run', untilDashDash: true },
  bundle: { subcommand: 'exec' },
  poetry: { subcommand: 'run' },
  pipenv: { subcommand: 'run' },
  uv: { subcommand: 'run' },
  pdm: { subcommand: 'run' },
  hatch: { subcommand: 'run' },
};
const PACKAGE_MANAGER_EXEC = new Set(['exec', 'dlx']);
/** `python -m MODULE` where the module is the program. */
const MODULE_PROGRAMS = new Set([
  'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'waitress', 'celery', 'flask', 'pip', 'pip3', 'alembic',
  'http.server', 'dramatiq', 'rq', 'arq', 'huey_consumer', 'streamlit',
]);
const PYTHON = /^python[\d.]*$/;

/** The program and its arguments behind run-wrappers (`tini --`, `bundle exec`, `npx`, `python -m gunicorn`). */
export function programWords(words: readonly ShellWord[]): ShellWord[] {
  let rest = [...words];
  for (let guard = 0; guard < 6 && rest.length > 0; guard++) {
    const name = basename(rest[0]!.value);
    const runner = RUNNERS[name];
    if (runner) {
      if (runner.subcommand && rest[1]?.value !== runner.subcommand) break;
      let index = runner.subcommand ? 2 : 1;
      if (runner.untilDashDash && rest.slice(index).some((word) => word.value === '--')) index = rest.findIndex((word, at) => at >= index && word.value === '--') + 1;
      else while (rest[index]?.value.startsWith('-')) index += runner.valueFlags?.includes(rest[index]!.value) ? 2 : 1;
      if (name === 'runuser' || name === 'chpst') index = Math.max(index, 1);
      rest = rest.slice(index);
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn' || name === 'npm') && PACKAGE_MANAGER_EXEC.has(rest[1]?.value ?? '')) {
      rest = rest.slice(2);
      continue;
    }
    if (name === 'chpst') {
      let index = 1;
      while (rest[index]?.value.startsWith('-')) index += 2;
      rest = rest.slice(index);
      continue;
    }
    if (PYTHON.test(name) && rest[1]?.value === '-m' && MODULE_PROGRAMS.has(rest[2]?.value ?? '')) {
      rest = [{ ...rest[2]! }, ...rest.slice(3)];
      continue;
    }
    break;
  }
  return rest;
}

/** Commands that start nothing (§4.1 "Inert commands"). */
const INERT = new Set([
  'set', 'shopt', 'umask', 'cd', 'export', 'readonly', 'local', 'declare', 'typeset', ':', 'true', 'false', 'sleep', 'echo', 'printf',
  'test', '[', '[[', 'wait', 'exit', 'return', 'trap', 'unset', 'shift', 'source', '.', 'exec', 'mkdir', 'chmod', 'chown', 'rm', 'cp',
  'mv', 'ln', 'touch', 'cat', 'envsubst', 'sed', 'awk', 'grep', 'tee', 'ls', 'date', 'id', 'whoami', 'hostname', 'printenv', 'env',
  'ulimit', 'eval', 'wait-for-it', 'wait-for-it.sh', 'dockerize', 'pg_isready', 'nc', 'curl', 'wget', 'cron', 'crond',
]);

export function isInert(words: readonly ShellWord[]): boolean {
  const first = words[0]?.value;
  return first === undefined || INERT.has(basename(first)) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first);
}

export type LongRunning = 'http' | 'worker' | 'scheduler';

const HTTP_SERVERS = new Set([
  'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'waitress-serve', 'uwsgi', 'bun', 'deno', 'serve', 'http-server',
  'remix-serve', 'react-router-serve', 'pm2-runtime', 'puma', 'unicorn', 'rackup', 'php-fpm', 'caddy', 'nginx', 'httpd-foreground',
  'nodemon', 'ts-node', 'ts-node-dev', 'tsx', 'streamlit',
]);
const WORKERS = new Set(['dramatiq', 'huey_consumer', 'arq', 'sidekiq']);
const SUBCOMMAND_SERVERS: Readonly<Record<string, readonly string[]>> = {
  next: ['start', 'dev'],
  nuxt: ['start', 'dev'],
  nuxi: ['start', 'dev'],
  rails: ['server', 's'],
  passenger: ['start'],
  falcon: ['serve'],
  mix: ['phx.server'],
  hugo: ['server'],
  jekyll: ['serve'],
  'react-scripts': ['start'],
  ng: ['serve'],
  remix: ['dev'],
  astro: ['dev'],
  gatsby: ['develop'],
  nest: ['start'],
  vite: ['dev', 'serve', 'preview'],
  webpack: ['serve'],
  'webpack-dev-server': [],
  flask: ['run'],
};

/** What long-running process a command starts (§4.2), if any. */
export function longRunningKind(words: readonly ShellWord[], run?: ScriptRun): LongRunning | undefined {
  if (run) return run.script === 'start' || /^(?:start|serve)(?::prod(?:uction)?)?$/.test(run.script) ? 'http' : undefined;
  const program = basename(words[0]?.value ?? '');
  const args = positional(words.slice(1)).map((word) => word.value);
  if (program === 'node' || program === 'nodejs') return args.length > 0 ? 'http' : undefined;
  if (HTTP_SERVERS.has(program)) return 'http';
  if (program === 'vite' && args.length === 0) return 'http';
  if (SUBCOMMAND_SERVERS[program]?.includes(args[0] ?? '') || (program === 'webpack-dev-server')) return 'http';
  // `flask --app app run`: `--app` takes a value, so `run` is not the first positional word.
  if (program === 'flask' && args.includes('run')) return 'http';
  if (program === 'java' && args.some((arg, index) => arg.endsWith('.jar') || words[index]?.value === '-jar')) return 'http';
  if (program === 'dotnet' && args[0]?.endsWith('.dll')) return 'http';
  if (program === 'php' && (args[0] === 'artisan' ? ['octane:start', 'serve', 'queue:work', 'horizon', 'schedule:work'].includes(args[1] ?? '') : words.some((word) => word.value === '-S'))) {
    return args[1] === 'schedule:work' ? 'scheduler' : args[1] === 'queue:work' || args[1] === 'horizon' ? 'worker' : 'http';
  }
  if (program === 'celery') return args.includes('beat') && !args.includes('worker') ? 'scheduler' : args.includes('worker') || args.includes('multi') ? 'worker' : undefined;
  if (program === 'rq') return args[0] === 'worker' ? 'worker' : undefined;
  if (WORKERS.has(program)) return 'worker';
  if (program === 'good_job' && args[0] === 'start') return 'worker';
  if (program === 'rake' && args[0] === 'jobs:work') return 'worker';
  if (PYTHON.test(program)) {
    if (isManage(args) && ['runserver', 'runserver_plus'].includes(args[1] ?? '')) return 'http';
    if (isManage(args) && ['rqworker', 'qcluster', 'celery'].includes(args[1] ?? '')) return 'worker';
    if (words[1]?.value === '-m' && words[2]?.value === 'http.server') return 'http';
  }
  if (program === 'django-admin' && args[0] === 'runserver') return 'http';
  if (program === 'supercronic' || program === 'cron' || program === 'crond') return 'scheduler';
  return undefined;
}

/** A known HTTP server or worker (§4.2), not a scheduler. */
export function isServerOrWorker(words: readonly ShellWord[], run?: ScriptRun): boolean {
  const kind = longRunningKind(words, run);
  return kind === 'http' || kind === 'worker';
}

function isManage(args: readonly string[]): boolean {
  return basename(args[0] ?? '') === 'manage.py';
}

/** Commands that check the schema and change nothing (§4.3 "Not migrations"). */
const READ_ONLY_MIGRATION = new Set(['--check', '--dry-run', '--plan', 'status', 'migrate:status', 'migrate:list', 'db:migrate:status', 'migration:show', 'current', 'check', 'history', 'showmigrations', 'list']);

/** A migration or seed (§4.3); `run` is the package script the command runs, if any. */
export function isMigration(words: readonly ShellWord[], run?: ScriptRun): boolean {
  if (run) return /^(?:db[:_-])?(?:migrat|seed)/i.test(run.script) || /(?:^|[:_-])(?:migrat|seed)/i.test(run.script);
  const program = basename(words[0]?.value ?? '');
  const all = words.slice(1).map((word) => word.value);
  if (all.some((value) => READ_ONLY_MIGRATION.has(value))) return false;
  const args = positional(words.slice(1)).map((word) => word.value);
  const [first, second, third] = args;
  if (PYTHON.test(program) || program === 'django-admin') {
    const sub = program === 'django-admin' ? first : isManage(args) ? second : undefined;
    if (sub && ['migrate', 'loaddata', 'createcachetable'].includes(sub)) return true;
    if (sub === 'createsuperuser' && all.includes('--noinput')) return true;
    if (words[1]?.value === '-m' && words[2]?.value === 'alembic') return ['upgrade', 'downgrade', 'stamp'].includes(args[1] ?? '');
    const file = args[0];
    return file !== undefined && !file.startsWith('-') && /(?:^|\/)(?:migrat|seed)[\w-]*\.py$/.test(file);
  }
  switch (program) {
    case 'flask':
      return args.includes('db') && ['upgrade', 'downgrade', 'stamp'].includes(args[args.indexOf('db') + 1] ?? '');
    case 'alembic':
      return ['upgrade', 'downgrade', 'stamp'].includes(first ?? '');
    case 'knex':
      return ['migrate:latest', 'migrate:up', 'migrate:rollback', 'seed:run'].includes(first ?? '');
    case 'sequelize':
    case 'sequelize-cli':
      return ['db:migrate', 'db:seed', 'db:seed:all'].includes(first ?? '');
    case 'prisma':
      return (first === 'migrate' && ['deploy', 'dev', 'reset'].includes(second ?? '')) || (first === 'db' && ['push', 'seed'].includes(second ?? ''));
    case 'typeorm':
    case 'typeorm-ts-node-commonjs':
    case 'typeorm-ts-node-esm':
      return ['migration:run', 'schema:sync'].includes(first ?? '');
    case 'drizzle-kit':
      return ['migrate', 'push'].includes(first ?? '');
    case 'mikro-orm':
      return ['migration:up', 'migration:fresh'].includes(first ?? '');
    case 'node-pg-migrate':
    case 'db-migrate':
    case 'goose':
      return first === 'up' || args.includes('up');
    case 'migrate':
      return args.includes('up');
    case 'dbmate':
      return ['up', 'migrate'].includes(first ?? '');
    case 'atlas':
      return (first === 'migrate' && second === 'apply') || (first === 'schema' && second === 'apply');
    case 'sqlx':
      return first === 'migrate' && second === 'run';
    case 'diesel':
      return first === 'migration' && second === 'run';
    case 'flyway':
      return first === 'migrate';
    case 'liquibase':
      return first === 'update';
    case 'mix':
      return first === 'ecto.migrate';
    case 'hasura':
      return first === 'migrate' && second === 'apply';
    case 'rails':
    case 'rake':
      return args.some((arg) => ['db:migrate', 'db:prepare', 'db:setup', 'db:schema:load', 'db:seed'].includes(arg));
    case 'php':
      return first === 'artisan' && (second === 'migrate' || second === 'db:seed');
    case 'node':
    case 'tsx':
    case 'ts-node':
    case 'bun':
      return first !== undefined && /(?:^|\/)(?:migrat|seed)[\w.-]*\.[cm]?[jt]s$/.test(first);
    default:
      return /(?:^|\/)(?:migrat|seed)[\w-]*(?:\.sh)?$/.test(words[0]?.value ?? '') && !isInert(words) && !third;
  }
}

export type BuildKind = 'installs dependencies' | 'compiles the code' | 'pulls code';

const PACKAGE_MANAGER_INSTALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'ci', 'clean-install', 'ic', 'install-clean', 'install-ci-test', 'cit', 'install-test', 'it', 'update', 'up', 'upgrade', 'rebuild', 'rb']),
  yarn: new Set(['install', 'add', 'up', 'upgrade']),
  pnpm: new Set(['install', 'i', 'add', 'update', 'up', 'upgrade', 'rebuild', 'rb', 'install-test', 'it']),
  bun: new Set(['install', 'i', 'add', 'update']),
};
/** Other installers: program → subcommands that install. */
const SYSTEM_INSTALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  pip: new Set(['install']),
  pip3: new Set(['install']),
  poetry: new Set(['install', 'add']),
  pipenv: new Set(['install', 'sync']),
  uv: new Set(['sync', 'pip', 'add']),
  bundle: new Set(['install']),
  composer: new Set(['install', 'require', 'update']),
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  apk: new Set(['add']),
  yum: new Set(['install']),
  dnf: new Set(['install']),
  go: new Set(['get', 'install', 'mod']),
};
/** Compilers and bundlers: program → subcommands that build (empty set: any invocation). */
const COMPILERS: Readonly<Record<string, ReadonlySet<string>>> = {
  tsc: new Set(),
  babel: new Set(),
  esbuild: new Set(),
  tsup: new Set(),
  rollup: new Set(),
  swc: new Set(),
  vite: new Set(['build']),
  next: new Set(['build']),
  nuxt: new Set(['build', 'generate']),
  nuxi: new Set(['build', 'generate']),
  ng: new Set(['build']),
  nest: new Set(['build']),
  gatsby: new Set(['build']),
  'react-scripts': new Set(['build']),
  remix: new Set(['build']),
  astro: new Set(['build']),
  parcel: new Set(['build']),
  go: new Set(['build']),
  cargo: new Set(['build']),
  mvn: new Set(['package', 'install', 'compile']),
  gradle: new Set(['build', 'assemble']),
  prisma: new Set(['generate']),
};
/** Flags with which a compiler only checks or reports, building nothing. */
const NO_BUILD_FLAGS = new Set(['--noEmit', '--version', '-v', '--help', '-h', '--showConfig']);
const BUILD_SCRIPT = /^(?:build|compile|bundle|tsc)(?:[:_-].*)?$/;
const BUILD_MANAGE_COMMANDS = new Set(['collectstatic', 'compilemessages']);

/** What a command does that belongs in the build (§4.4), if anything. */
export function buildKind(words: readonly ShellWord[], run?: ScriptRun): BuildKind | undefined {
  if (run) return BUILD_SCRIPT.test(run.script) ? 'compiles the code' : undefined;
  const program = basename(words[0]?.value ?? '');
  const args = positional(words.slice(1)).map((word) => word.value);
  const flags = words.slice(1).map((word) => word.value);
  const installs = PACKAGE_MANAGER_INSTALLS[program];
  if (installs) {
    if (program === 'yarn' && args.length === 0) return 'installs dependencies';
    return args[0] !== undefined && installs.has(args[0]) ? 'installs dependencies' : undefined;
  }
  if (program === 'git') return ['pull', 'clone', 'fetch', 'submodule'].includes(args[0] ?? '') ? 'pulls code' : undefined;
  if (PYTHON.test(program)) {
    if (flags[0] === '-m' && /^pip3?$/.test(flags[1] ?? '') && flags.includes('install')) return 'installs dependencies';
    if (isManage(args) && BUILD_MANAGE_COMMANDS.has(args[1] ?? '')) return 'compiles the code';
    return undefined;
  }
  if ((program === 'rails' || program === 'rake') && args.includes('assets:precompile')) return 'compiles the code';
  if (program === 'nest' && args[0] === 'start') return flags.some((flag) => flag === '--watch' || flag === '-w' || flag === '--debug' || flag === '-d') ? undefined : 'compiles the code';
  if (program === 'webpack') return flags.some((flag) => flag === 'serve' || flag === 'watch' || flag === '--watch' || flag === '-w') ? undefined : 'compiles the code';
  const compiler = COMPILERS[program];
  if (compiler && (compiler.size === 0 ? !flags.some((flag) => NO_BUILD_FLAGS.has(flag)) : compiler.has(args[0] ?? ''))) return 'compiles the code';
  const system = SYSTEM_INSTALLS[program];
  if (system && system.has(args[0] ?? '')) return 'installs dependencies';
  return undefined;
}

/** A development server or watch mode (§4.5): `notice` for `tsx FILE` without `watch`. */
export function developmentServer(words: readonly ShellWord[]): 'warning' | 'notice' | undefined {
  const program = basename(words[0]?.value ?? '');
  const flags = words.slice(1).map((word) => word.value);
  const args = positional(words.slice(1)).map((word) => word.value);
  if (['nodemon', 'ts-node', 'ts-node-dev', 'webpack-dev-server'].includes(program)) return 'warning';
  if (program === 'tsx') return args[0] === 'watch' || flags.includes('--watch') ? 'warning' : args.length > 0 ? 'notice' : undefined;
  if (program === 'node' || program === 'bun') return flags.some((flag) => flag === '--watch' || flag.startsWith('--watch=') || flag === '--hot') ? 'warning' : undefined;
  if (['uvicorn', 'gunicorn', 'hypercorn'].includes(program)) return flags.includes('--reload') ? 'warning' : undefined;
  if (program === 'flask') return args.includes('run') ? 'warning' : undefined;
  if (PYTHON.test(program)) {
    if (isManage(args) && ['runserver', 'runserver_plus'].includes(args[1] ?? '')) return 'warning';
    if (flags[0] === '-m' && flags[1] === 'http.server') return 'warning';
    return undefined;
  }
  if (program === 'django-admin') return args[0] === 'runserver' ? 'warning' : undefined;
  if (program === 'next' || program === 'nuxt' || program === 'nuxi' || program === 'remix' || program === 'astro') return args[0] === 'dev' ? 'warning' : undefined;
  if (program === 'vite') return args.length === 0 || ['dev', 'serve', 'preview'].includes(args[0]!) ? 'warning' : undefined;
  if (program === 'ng') return args[0] === 'serve' ? 'warning' : undefined;
  if (program === 'react-scripts') return args[0] === 'start' ? 'warning' : undefined;
  if (program === 'webpack') return args[0] === 'serve' ? 'warning' : undefined;
  if (program === 'nest') return args[0] === 'start' && flags.some((flag) => ['--watch', '-w', '--debug', '-d'].includes(flag)) ? 'warning' : undefined;
  if (program === 'gatsby') return args[0] === 'develop' ? 'warning' : undefined;
  if (program === 'php') return args[0] === 'artisan' && args[1] === 'serve' ? 'warning' : undefined;
  if (program === 'hugo') return args[0] === 'server' ? 'warning' : undefined;
  if (program === 'jekyll') return args[0] === 'serve' ? 'warning' : undefined;
  return undefined;
}

const CRON_SERVICES = new Set(['cron', 'crond', 'anacron', 'cronie']);

/**
 * A recurring scheduler (§5 `no-scheduler-in-web`): `cron`, `crond`, `supercronic`, `celery beat`,
 * `php artisan schedule:work`, and a cron service started through `service cron start` or
 * `/etc/init.d/cron start`.
 */
export function startsScheduler(words: readonly ShellWord[]): boolean {
  if (longRunningKind(words) === 'scheduler') return true;
  const program = words[0]?.value ?? '';
  const args = positional(words.slice(1)).map((word) => word.value);
  if (basename(program) === 'service') return CRON_SERVICES.has(args[0] ?? '') && args[1] === 'start';
  return program.startsWith('/etc/init.d/') && CRON_SERVICES.has(basename(program)) && args[0] === 'start';
}

/** A command that detaches itself from the process the platform supervises (a daemon flag, §5 `no-self-daemonize`). */
export function detaches(words: readonly ShellWord[]): boolean {
  const program = basename(words[0]?.value ?? '');
  const flags = words.slice(1).map((word) => word.value);
  const args = positional(words.slice(1)).map((word) => word.value);
  // `/etc/init.d/redis-server start` is the init script, whatever the daemon's own name.
  if (/^\/etc\/init\.d\//.test(words[0]?.value ?? '')) return args[0] === 'start';
  switch (program) {
    case 'gunicorn':
      return flags.some((flag) => flag === '--daemon' || flag === '-D');
    case 'celery':
      return flags.includes('--detach') || args.includes('multi');
    case 'uwsgi':
      return flags.some((flag) => flag.startsWith('--daemonize'));
    case 'pm2':
      return args[0] === 'start' && !flags.includes('--no-daemon');
    case 'forever':
      return args[0] === 'start';
    case 'service':
      return args[1] === 'start';
    case 'start-stop-daemon':
      return flags.includes('--background') || flags.includes('-b');
    case 'setsid':
      return true;
    case 'redis-server':
      return flags.some((flag, index) => flag === '--daemonize' && flags[index + 1] === 'yes');
    case 'cron':
    case 'crond':
      return !flags.some((flag) => flag === '-f' || flag === '-n');
    default:
      return false;
  }
}
