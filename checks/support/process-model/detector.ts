import type { CheckContext } from '../../define-check.ts';
import type { FileKind } from '../../../src/engine/file-kind.ts';
import type { ShellWord } from '../../../src/languages/shell/commands.ts';
import { commandsIn, describeChain, describeProcess, type LocatedCommand } from './index.ts';
import type { PathCommand } from './walk.ts';

/** Every file kind that holds start commands (RULES-commands.md §2). */
export const START_SITE_KINDS: readonly FileKind[] = ['shell', 'procfile', 'dockerfile', 'compose', 'package-json', 'yaml'];

/**
 * The start-path commands whose text sits in the file under review. A script that does not
 * parse is skipped and named (the strict parse throws), never half-read and called clean.
 */
export function startCommands(context: CheckContext): LocatedCommand[] {
  if (context.kind === 'shell') context.tree();
  return commandsIn(context, context.path);
}

/** Where a finding about one word of a command sits: the word when its offset is known, else the command. */
export function rangeOf(command: PathCommand, word?: ShellWord): readonly [number, number] {
  return command.exact && word && word.end > word.start ? [word.start, word.end] : command.at;
}

/** The data every start-command message names: the process and the chain that reaches the command. */
export function pathData(located: LocatedCommand): { process: string; chain: string } {
  return { process: describeProcess(located.path, located.command), chain: describeChain(located.command.chain) };
}

/** A command as text, for messages. */
export function commandText(words: readonly ShellWord[]): string {
  const text = words.map((word) => word.value).join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
