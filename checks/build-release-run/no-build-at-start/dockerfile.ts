import type { Instruction } from 'dockerfile-ast';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText, describeHop, traceCommands, type TracedCommand } from '../../support/command-trace.ts';
import { dockerStages, instructionCommands, offsetOf, repositoryFileFor, startInstructions } from '../../support/dockerfile-stages.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename, type ShellWord } from '../../../src/languages/shell/commands.ts';

type BuildKind = 'installs dependencies' | 'compiles the code' | 'pulls code';

const PACKAGE_MANAGER_INSTALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'ci', 'clean-install', 'ic', 'install-clean', 'install-ci-test', 'cit', 'install-test', 'it', 'update', 'up', 'upgrade', 'rebuild', 'rb']),
  yarn: new Set(['install', 'add', 'up', 'upgrade']),
  pnpm: new Set(['install', 'i', 'add', 'update', 'up', 'upgrade', 'rebuild', 'rb', 'install-test', 'it']),
  bun: new Set(['install', 'i', 'add', 'update']),
};
/** Other installers: program → subcommands that install (empty set: any invocation). */
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
};
/** Flags with which a compiler only checks or reports, building nothing. */
const NO_BUILD_FLAGS = new Set(['--noEmit', '--version', '-v', '--help', '-h', '--showConfig']);
const BUILD_SCRIPT = /^(?:build|compile|bundle|tsc)(?:[:_-].*)?$/;
const RUNNERS = new Set(['npx', 'bunx', 'pnpx']);

/**
 * Not fixable: moving a build into the image is not a line edit. The one mechanical rewrite of a
 * start command — `CMD npm start` → `CMD ["node", "<file>"]` when the start script is exactly
 * `node <file>` — is owned by `disposability/signal-forwarding`, and never applies to a start
 * script that builds, so the two rules never offer competing suggestions for one CMD line.
 */
export default defineDetector<MessageId>({
  kinds: ['dockerfile'],
  needs: 'dockerfile',
  detect(context) {
    const stages = dockerStages(context);
    if (stages.length === 0) return;
    const { entrypoint, cmd } = startInstructions(stages);
    const starts: Instruction[] = [];
    if (entrypoint) starts.push(entrypoint);
    if (cmd && !(entrypoint && instructionCommands(context, entrypoint).exec === undefined)) starts.push(cmd);
    for (const instruction of starts) {
      const { commands } = instructionCommands(context, instruction);
      const traced = traceCommands(context, commands, { resolveFile: (scriptPath) => repositoryFileFor(context, stages, scriptPath) });
      for (const command of traced) {
        const what = buildKind(command);
        if (!what) continue;
        const range = instruction.getRange();
        const hop = command.via.at(-1);
        context.report({
          range: [offsetOf(context, range.start), offsetOf(context, range.end)],
          ...(hop
            ? {
                messageId: 'indirect' as const,
                data: { entry: commandText(commands.flatMap((entry) => entry.words)), command: commandText(command.words), where: describeHop(hop), what },
              }
            : { messageId: 'direct' as const, data: { command: commandText(command.words), what } }),
        });
        break;
      }
    }
  },
});

/** What a command does that belongs in the build, if anything. */
function buildKind(command: TracedCommand): BuildKind | undefined {
  if (command.run && BUILD_SCRIPT.test(command.run.script)) return 'compiles the code';
  let words: readonly ShellWord[] = command.words;
  let program = basename(words[0]!.value);
  if (RUNNERS.has(program) || ((program === 'pnpm' || program === 'yarn' || program === 'npm') && (words[1]?.value === 'exec' || words[1]?.value === 'dlx'))) {
    words = words.slice(RUNNERS.has(program) ? 1 : 2);
    while (words[0]?.value.startsWith('-')) words = words.slice(words[0].value === '-p' || words[0].value === '--package' ? 2 : 1);
    if (words.length === 0) return undefined;
    program = basename(words[0]!.value);
  } else if (command.run && COMPILERS[command.run.script]) {
    words = words.slice(words.indexOf(command.run.word));
    program = command.run.script;
  }
  const args = positional(words.slice(1)).map((word) => word.value);
  const flags = words.slice(1).map((word) => word.value);
  const installs = PACKAGE_MANAGER_INSTALLS[program];
  if (installs) {
    if (program === 'yarn' && args.length === 0) return 'installs dependencies';
    return args[0] !== undefined && installs.has(args[0]) ? 'installs dependencies' : undefined;
  }
  if (program === 'git') return ['pull', 'clone', 'fetch', 'submodule'].includes(args[0] ?? '') ? 'pulls code' : undefined;
  if (/^python[\d.]*$/.test(program) && flags[0] === '-m' && /^pip3?$/.test(flags[1] ?? '') && flags.includes('install')) return 'installs dependencies';
  const compiler = COMPILERS[program];
  if (program === 'webpack') return flags.some((flag) => flag === 'serve' || flag === 'watch' || flag === '--watch' || flag === '-w') ? undefined : 'compiles the code';
  if (compiler && (compiler.size === 0 ? !flags.some((flag) => NO_BUILD_FLAGS.has(flag)) : compiler.has(args[0] ?? ''))) return 'compiles the code';
  const system = SYSTEM_INSTALLS[program];
  if (system && system.has(args[0] ?? '')) return 'installs dependencies';
  return undefined;
}
