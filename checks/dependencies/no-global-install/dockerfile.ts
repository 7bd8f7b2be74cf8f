import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText } from '../../support/process-model/detector.ts';
import { dockerStages, instructionCommands, runtimeStages } from '../../support/dockerfile-stages.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename, effectiveCommand, expandInlineShell, type ShellWord } from '../../../src/languages/shell/commands.ts';

/** Installing a package manager globally is how images get one; it is not an app dependency. */
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'corepack', 'bun', '@pnpm/exe', '@yarnpkg/cli-dist']);
const INSTALL_COMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']),
  pnpm: new Set(['add', 'install', 'i']),
  bun: new Set(['add', 'install', 'i']),
};
const GLOBAL_FLAGS = new Set(['-g', '--global', '--location=global']);

export default defineDetector<MessageId>({
  kinds: ['dockerfile'],
  needs: 'dockerfile',
  detect(context) {
    for (const stage of runtimeStages(dockerStages(context))) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'RUN') continue;
        for (const command of instructionCommands(context, instruction).commands) {
          for (const expanded of expandInlineShell(effectiveCommand(command).words)) {
            const { words } = effectiveCommand(expanded);
            const tools = globalPackages(words).filter((word) => !PACKAGE_MANAGERS.has(packageName(word.value)));
            if (tools.length === 0) continue;
            context.report({
              range: [words[0]!.start, words.at(-1)!.end],
              messageId: 'global',
              data: { command: commandText(words), packages: tools.map((tool) => tool.value).join(', ') },
            });
          }
        }
      }
    }
  },
});

/** The packages a global install command installs; empty for anything else. */
function globalPackages(words: readonly ShellWord[]): ShellWord[] {
  const program = words[0] === undefined ? '' : basename(words[0].value);
  const args = positional(words.slice(1));
  const flags = words.slice(1).map((word) => word.value);
  if (program === 'yarn') return args[0]?.value === 'global' && args[1]?.value === 'add' ? args.slice(2) : [];
  const installs = INSTALL_COMMANDS[program];
  if (!installs || !installs.has(args[0]?.value ?? '')) return [];
  const global = flags.some((flag, index) => GLOBAL_FLAGS.has(flag) || (flag === '--location' && flags[index + 1] === 'global'));
  return global ? args.slice(1).filter((word) => word.value !== 'global') : [];
}

/** `pm2@5.3.0` → `pm2`; `@nestjs/cli@10` → `@nestjs/cli`. */
function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}
