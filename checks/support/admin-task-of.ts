import { positional, scriptRun } from './package-scripts.ts';
import { basename, effectiveCommand, expandInlineShell, parseShellCommands, type ShellWord } from '../../src/languages/shell/commands.ts';

/** An admin task a command runs against the app's database. */
export type AdminTask = 'migrations' | 'seeds';

/** Launchers that run the next word as the command: `npx knex …`, `bundle exec rake …`. */
const LAUNCHERS = new Set(['npx', 'pnpx', 'bunx']);
const LAUNCHER_SUBCOMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['exec', 'x']),
  yarn: new Set(['exec', 'dlx']),
  pnpm: new Set(['exec', 'dlx']),
  bun: new Set(['x']),
  bundle: new Set(['exec']),
  poetry: new Set(['run']),
  pipenv: new Set(['run']),
  uv: new Set(['run']),
};
const SCRIPT_RUNNERS = new Set(['node', 'ts-node', 'ts-node-esm', 'tsx', 'babel-node', 'bun', 'deno']);
/** Migration tools whose `up`/`migrate`/`latest` subcommands apply migrations. */
const MIGRATION_TOOLS = new Set(['node-pg-migrate', 'db-migrate', 'dbmate', 'goose', 'graphile-migrate', 'migrate', 'postgrator', 'ley', 'flyway', 'liquibase', 'umzug']);
const APPLY_WORDS = new Set(['up', 'latest', 'migrate', 'deploy', 'apply', 'update', 'run', 'upgrade']);
const MAX_DEPTH = 3;

/**
 * The admin task a shell command text runs (`npx prisma migrate deploy`, `knex seed:run`,
 * `npm run migrate`), descending into `sh -c '…'` and, when `scripts` are given, into the
 * package.json scripts it runs.
 */
export function adminTaskOfCommand(text: string, scripts?: Readonly<Record<string, string>>, depth = 0): AdminTask | undefined {
  for (const command of parseShellCommands(text)) {
    for (const expanded of expandInlineShell(effectiveCommand(command).words)) {
      const task = adminTaskOf(effectiveCommand(expanded).words, scripts, depth);
      if (task) return task;
    }
  }
  return undefined;
}

/** The admin task one simple command (program and arguments) runs, if any. */
export function adminTaskOf(words: readonly ShellWord[], scripts?: Readonly<Record<string, string>>, depth = 0): AdminTask | undefined {
  const run = scriptRun(words);
  if (run) {
    const body = scripts?.[run.script];
    const fromBody = body !== undefined && depth < MAX_DEPTH ? adminTaskOfCommand(body, scripts, depth + 1) : undefined;
    return fromBody ?? taskNamed(run.script);
  }
  let args = positional(words.slice(1)).map((word) => word.value);
  let program = words[0] ? basename(words[0].value) : '';
  for (let hops = 0; hops < 3; hops++) {
    if (LAUNCHERS.has(program) && args[0] !== undefined) {
      program = basename(args[0]);
      args = args.slice(1);
    } else if (LAUNCHER_SUBCOMMANDS[program]?.has(args[0] ?? '') && args[1] !== undefined) {
      program = basename(args[1]);
      args = args.slice(2);
    } else break;
  }
  return toolTask(program, args);
}

function toolTask(program: string, args: readonly string[]): AdminTask | undefined {
  const [first = '', second = ''] = args;
  if (program === 'knex') {
    if (args.some((arg) => arg === 'migrate:latest' || arg === 'migrate:up')) return 'migrations';
    return args.includes('seed:run') ? 'seeds' : undefined;
  }
  if (program === 'prisma') {
    if (first === 'migrate' && (second === 'deploy' || second === 'dev' || second === 'reset')) return 'migrations';
    if (first === 'db' && second === 'push') return 'migrations';
    return first === 'db' && second === 'seed' ? 'seeds' : undefined;
  }
  if (program === 'sequelize' || program === 'sequelize-cli') {
    if (args.includes('db:migrate')) return 'migrations';
    return args.some((arg) => arg.startsWith('db:seed')) ? 'seeds' : undefined;
  }
  if (program.startsWith('typeorm')) return args.includes('migration:run') || args.includes('schema:sync') ? 'migrations' : undefined;
  if (program === 'drizzle-kit') return first === 'push' || first === 'migrate' ? 'migrations' : undefined;
  if (program === 'rails' || program === 'rake') {
    if (args.some((arg) => arg.startsWith('db:migrate') || arg === 'db:prepare' || arg === 'db:setup')) return 'migrations';
    return args.includes('db:seed') ? 'seeds' : undefined;
  }
  if (program === 'alembic') return first === 'upgrade' ? 'migrations' : undefined;
  if (program === 'flask') return first === 'db' && second === 'upgrade' ? 'migrations' : undefined;
  if ((program === 'sqlx' || program === 'atlas') && first === 'migrate') return 'migrations';
  if (program === 'python' || program === 'python3' || program === 'py') {
    if (!first.endsWith('manage.py')) return taskOfScript(first);
    if (second === 'migrate') return 'migrations';
    return second === 'loaddata' ? 'seeds' : undefined;
  }
  if (program === 'manage.py') return first === 'migrate' ? 'migrations' : first === 'loaddata' ? 'seeds' : undefined;
  if (MIGRATION_TOOLS.has(program)) return args.length === 0 || args.some((arg) => APPLY_WORDS.has(arg)) ? 'migrations' : undefined;
  if (SCRIPT_RUNNERS.has(program)) return taskOfScript(first);
  return undefined;
}

/** `node dist/migrate.js`, `tsx src/db/seed.ts`: the script's file name says what it does. */
function taskOfScript(scriptPath: string): AdminTask | undefined {
  const base = basename(scriptPath).replace(/\.[^.]+$/, '');
  if (base === '') return undefined;
  return taskNamed(base);
}

/** `migrate`, `db:migrate`, `migration:run`, `db:push` → migrations; `seed`, `db:seed` → seeds. */
function taskNamed(name: string): AdminTask | undefined {
  if (/migrat|(^|:)db:?push$|(^|:)schema:sync$/i.test(name)) return 'migrations';
  return /seed/i.test(name) ? 'seeds' : undefined;
}
