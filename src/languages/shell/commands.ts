import { parseShellTree, shellCommandsOf } from './parse-shell.ts';

/*
 * Shell commands as rules read them: simple commands with their words unquoted and their
 * offsets kept, from the one shell reading of the project (tree-sitter-bash, parse-shell.ts),
 * plus what rules ask of a command (the program behind wrappers, `sh -c` scripts, script paths).
 * Nothing is expanded or run.
 */

/** One word of a command: its unquoted value and where it sits in the original text. */
export interface ShellWord {
  value: string;
  start: number;
  end: number;
  /** True when any part of the word was quoted or escaped. */
  quoted: boolean;
}

/** One simple command and the operator that ends it (`''` at the end of the text). */
export interface ShellCommand {
  words: ShellWord[];
  start: number;
  end: number;
  /** `&&`, `||`, `;`, `;;`, `|`, `|&`, `&`, a newline, or `''` after the last command. */
  separator: string;
}

export interface ShellParseOptions {
  /** Added to every offset: where `text` starts in the file. */
  offset?: number;
  /** The escape character: `\` in shells, or a Dockerfile's `# escape=` directive. */
  escape?: string;
}

/**
 * The simple commands of shell text, in order (commands inside `$(…)` are part of their word,
 * here-document bodies are data, comments and redirections are dropped). Text that does not
 * parse as a whole yields the commands of its intact parts.
 */
export function parseShellCommands(text: string, options: ShellParseOptions = {}): ShellCommand[] {
  return shellCommandsOf(parseShellTree(text, options.escape ?? '\\'), text, options.offset ?? 0);
}

/** A command with wrappers stripped: what actually runs, and whether it replaced the shell. */
export interface EffectiveCommand {
  /** The words from the program on. */
  words: ShellWord[];
  /** True when the command was started with `exec` (it replaces the shell: no extra PID 1). */
  exec: boolean;
}

const KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', 'fi', 'done', '!', '{', '}', 'time', 'nohup', 'command']);
const USER_SWITCHERS = new Set(['su-exec', 'gosu', 'chpst', 's6-setuidgid']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Programs that run the command after their options. */
const RUNNERS = new Set(['nice', 'timeout', 'xargs', 'stdbuf', 'ionice']);
const DURATION = /^\d+(?:\.\d+)?[smhd]?$/;

/**
 * Strips what only wraps a command — shell keywords (`then`, `if`, `!`), variable assignments,
 * `exec`, `env …`, `sudo …`, `gosu user`, `su-exec user` — and returns the program and its
 * arguments. An empty `words` means the command was only assignments or keywords.
 */
export function effectiveCommand(command: ShellCommand | readonly ShellWord[]): EffectiveCommand {
  const all = 'words' in command ? command.words : command;
  let index = 0;
  let exec = false;
  for (;;) {
    const word = all[index];
    if (!word) break;
    const value = word.value;
    if (!word.quoted && (KEYWORDS.has(value) || ASSIGNMENT.test(value))) {
      index++;
    } else if (value === 'exec' && !word.quoted) {
      exec = true;
      index++;
      while (all[index]?.value.startsWith('-')) index++;
    } else if (value === 'env' || value === 'sudo') {
      index++;
      while (all[index] && (all[index]!.value.startsWith('-') || ASSIGNMENT.test(all[index]!.value))) index++;
    } else if (RUNNERS.has(value)) {
      // `timeout 30 curl …`, `nice -n 10 node …`: options and a duration, then the command.
      index++;
      while (all[index] && (all[index]!.value.startsWith('-') || DURATION.test(all[index]!.value))) index++;
    } else if (USER_SWITCHERS.has(basename(value))) {
      index += 2;
    } else break;
  }
  return { words: all.slice(index), exec };
}

/** The last path segment of a command: `/usr/local/bin/node` → `node`. */
export function basename(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash === -1 ? program : program.slice(slash + 1);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** True for `sh`, `/bin/bash` and friends. */
export function isShell(program: string): boolean {
  return SHELLS.has(basename(program));
}

/**
 * For `sh -c '<script>'` (also `bash -ec`, `/bin/sh -lc`, `su app -c '…'`): the script word.
 * Undefined for any other command, including `sh script.sh`.
 */
export function inlineShellScript(words: readonly ShellWord[]): ShellWord | undefined {
  const [program, ...rest] = words;
  if (program && basename(program.value) === 'su') {
    // `su app -c '…'`, `su -s /bin/sh -c '…' app`: the command string runs in the user's shell.
    const flag = rest.findIndex((word) => word.value === '-c' || word.value === '--command');
    return flag === -1 ? undefined : rest[flag + 1];
  }
  if (!program || !isShell(program.value)) return undefined;
  let sawC = false;
  for (const word of rest) {
    if (word.value.startsWith('-') && !word.value.startsWith('--')) {
      if (word.value.slice(1).includes('c')) sawC = true;
      continue;
    }
    if (word.value.startsWith('--')) continue;
    return sawC ? word : undefined;
  }
  return undefined;
}

/**
 * For `sh start.sh`, `bash ./scripts/run.sh`, `./docker-entrypoint.sh`, `/entrypoint.sh`: the
 * path of the shell script the command runs. Undefined when it runs something else.
 */
export function shellScriptPath(words: readonly ShellWord[]): string | undefined {
  const [program, ...rest] = words;
  if (!program) return undefined;
  if (isShell(program.value)) {
    if (inlineShellScript(words)) return undefined;
    const script = rest.find((word) => !word.value.startsWith('-'));
    return script && !script.value.includes('$') ? script.value : undefined;
  }
  const value = program.value;
  if (value.includes('$')) return undefined;
  return /\.(?:sh|bash)$/.test(value) || value.startsWith('./') ? value : undefined;
}

/**
 * Commands of a word list, descending into `sh -c '…'`: the commands of the inline script
 * (offsets relative to the script word) or the command itself.
 */
export function expandInlineShell(words: readonly ShellWord[], depth = 0): ShellCommand[] {
  const script = inlineShellScript(words);
  if (!script || depth > 3) {
    return words.length === 0 ? [] : [{ words: [...words], start: words[0]!.start, end: words.at(-1)!.end, separator: '' }];
  }
  const offset = script.quoted ? script.start + 1 : script.start;
  return parseShellCommands(script.value, { offset }).flatMap((command) => {
    const inner = effectiveCommand(command).words;
    return inlineShellScript(inner) ? expandInlineShell(inner, depth + 1) : [command];
  });
}
