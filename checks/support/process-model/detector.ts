import type { CheckContext } from '../../define-check.ts';
import type { FileKind } from '../../../src/engine/file-kind.ts';
import type { ShellWord } from '../../../src/languages/shell/commands.ts';
import type { ShellRedirect } from '../../../src/languages/shell/script.ts';
import { commandsIn, describeChain, describeProcess, isLongRunning, type LocatedCommand } from './index.ts';
import { expandWord, type PathCommand } from './walk.ts';

/** Every file kind that holds start commands (RULES-commands.md §2). */
export const START_SITE_KINDS: readonly FileKind[] = ['shell', 'procfile', 'dockerfile', 'compose', 'package-json', 'yaml', 'json', 'helm-template'];

/**
 * The start-path commands whose text sits in the file under review. A script that does not
 * parse is skipped and named (the strict parse throws), never half-read and called clean.
 */
export function startCommands(context: CheckContext): LocatedCommand[] {
  if (context.kind === 'shell') context.tree();
  return commandsIn(context, context.path);
}

/** A start-path command of a long-running process, with the data every message about it names. */
export interface LongRunningCommand extends LocatedCommand {
  data: ReturnType<typeof messageData>;
}

/** The start-path commands in the file under review that run on a long-running process's path (web, worker, clock). */
export function longRunningCommands(context: CheckContext): LongRunningCommand[] {
  return startCommands(context)
    .filter((located) => isLongRunning(located.command.role))
    .map((located) => ({ ...located, data: messageData(located) }));
}

/** The command, the process and the chain that reaches it, as messages name them. */
export function messageData(located: LocatedCommand): { command: string; process: string; chain: string } {
  return { command: commandText(located.command.words), ...pathData(located) };
}

/** Where a finding about one word (or redirection) of a command sits: the word when its offset is known, else the command. */
export function rangeOf(command: PathCommand, word?: { start: number; end: number }): readonly [number, number] {
  return command.exact && word && word.end > word.start ? [word.start, word.end] : command.at;
}

/** One option of a command and its value: `--pid /tmp/app.pid`, `--pid=/tmp/app.pid`. */
export interface OptionValue {
  option: ShellWord;
  /** The value with the script's literal variables expanded; '' when the option ends the command. */
  value: string;
  /** The separate word holding the value (`--pid FILE`); undefined for `--pid=FILE`. */
  valueWord: ShellWord | undefined;
}

/** Every occurrence of the named options in a command's arguments (`-p`, `--pidfile`), with their values. */
export function optionValues(command: PathCommand, names: readonly string[]): OptionValue[] {
  const found: OptionValue[] = [];
  const words = command.words;
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    if (word.value === '--') break;
    const equals = word.value.indexOf('=');
    if (word.value.startsWith('--') && equals !== -1 && names.includes(word.value.slice(0, equals))) {
      found.push({ option: word, value: expandWord({ ...word, value: word.value.slice(equals + 1) }, command.variables).value, valueWord: undefined });
    } else if (names.includes(word.value)) {
      const next = words[index + 1];
      found.push({ option: word, value: next ? expandWord(next, command.variables).value : '', valueWord: next });
      index++;
    }
  }
  return found;
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

/** The redirections written on the command itself or on its group, not those of the script or function call that ran it (reported there). */
export function ownRedirects(command: PathCommand): ShellRedirect[] {
  const inherited = command.parent?.redirects ?? [];
  return command.redirects.filter((redirect) => !inherited.includes(redirect));
}

/** The process's own output streams under another name, not files: `-`, `/dev/stdout`, `/proc/self/fd/2`… */
const STANDARD_STREAM = /^(?:-|\/dev\/std(?:out|err)|\/dev\/fd\/[12]|\/proc\/(?:self|1)\/fd\/[12])$/;

export function isStandardStream(file: string): boolean {
  return STANDARD_STREAM.test(file);
}

/**
 * The file a redirection sends the command's stdout or stderr to (`>> /var/log/app.log`,
 * `&> out.log`, `2> "$ERR_LOG"` with the script's literal variables expanded); undefined for
 * `2>&1`, input, other descriptors and the standard streams.
 */
export function writesTo(command: PathCommand, redirect: ShellRedirect): string | undefined {
  if (!redirect.operator.includes('>') || redirect.operator.includes('<') || !redirect.target) return undefined;
  if (redirect.descriptor !== undefined && redirect.descriptor !== '1' && redirect.descriptor !== '2') return undefined;
  const file = expandWord(redirect.target, command.variables).value;
  if (redirect.operator.startsWith('>&') && /^(?:\d+|-)$/.test(file)) return undefined;
  return isStandardStream(file) ? undefined : file;
}
