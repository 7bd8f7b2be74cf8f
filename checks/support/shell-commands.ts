/**
 * A small POSIX-shell lexer for the commands manifests run (Dockerfile RUN/CMD, Procfile lines,
 * package.json scripts, entrypoint scripts). It splits text into simple commands at unquoted
 * `&&`, `||`, `;`, `|`, `&`, newlines and parentheses, unquotes words and keeps their offsets,
 * so a rule can report the exact line. It does not expand variables or run anything.
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
  separator: string;
}

export interface ShellParseOptions {
  /** Added to every offset: where `text` starts in the file. */
  offset?: number;
  /** The escape character: `\` in shells, or a Dockerfile's `# escape=` directive. */
  escape?: string;
}

const OPERATOR_CHARS = new Set(['&', '|', ';', '(', ')']);

/** Splits shell text into simple commands (words unquoted, comments and redirections dropped). */
export function parseShellCommands(text: string, options: ShellParseOptions = {}): ShellCommand[] {
  const offset = options.offset ?? 0;
  const escape = options.escape ?? '\\';
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let value = '';
  let wordStart = -1;
  let quoted = false;
  let skipNextWord = false;

  const endWord = (at: number) => {
    if (wordStart === -1) return;
    if (skipNextWord) skipNextWord = false;
    else words.push({ value, start: wordStart + offset, end: at + offset, quoted });
    value = '';
    wordStart = -1;
    quoted = false;
  };
  const endCommand = (separator: string) => {
    if (words.length > 0) commands.push({ words, start: words[0]!.start, end: words.at(-1)!.end, separator });
    words = [];
    skipNextWord = false;
  };
  const begin = (at: number) => {
    if (wordStart === -1) wordStart = at;
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === escape) {
      const next = text[i + 1];
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        i += next === '\n' ? 2 : 3;
        continue;
      }
      begin(i);
      quoted = true;
      if (next !== undefined) value += next;
      i += 2;
      continue;
    }
    if (char === "'") {
      begin(i);
      quoted = true;
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 ? text.length : close;
      value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (char === '"') {
      begin(i);
      quoted = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') value += text[i + 1];
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      i++;
      continue;
    }
    if (char === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      begin(i);
      const stop = closingOf(text, i + 1);
      value += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (char === '`') {
      begin(i);
      const close = text.indexOf('`', i + 1);
      const stop = close === -1 ? text.length : close + 1;
      value += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (char === '#' && wordStart === -1) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
      continue;
    }
    if (char === '\n') {
      endWord(i);
      endCommand('\n');
      i++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      endWord(i);
      i++;
      continue;
    }
    if (char === '>' || char === '<') {
      if (wordStart !== -1 && /^\d+$/.test(value) && !quoted) {
        value = '';
        wordStart = -1;
      } else endWord(i);
      let j = i + 1;
      while (j < text.length && (text[j] === '>' || text[j] === '<' || text[j] === '&' || text[j] === '|')) j++;
      skipNextWord = true;
      i = j;
      continue;
    }
    if (OPERATOR_CHARS.has(char)) {
      endWord(i);
      const two = text.slice(i, i + 2);
      const operator = two === '&&' || two === '||' || two === ';;' || two === '|&' ? two : char;
      endCommand(operator);
      i += operator.length;
      continue;
    }
    begin(i);
    value += char;
    i++;
  }
  endWord(text.length);
  endCommand('');
  return commands;
}

/** The index just past the bracket that closes the one at `open` (`(`…`)` or `{`…`}`). */
function closingOf(text: string, open: number): number {
  const opener = text[open]!;
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === "'" && opener === '(') {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return text.length;
      i = close;
    } else if (char === opener) depth++;
    else if (char === closer && --depth === 0) return i + 1;
  }
  return text.length;
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
 * For `sh -c '<script>'` (also `bash -ec`, `/bin/sh -lc`): the script word. Undefined for any
 * other command, including `sh script.sh`.
 */
export function inlineShellScript(words: readonly ShellWord[]): ShellWord | undefined {
  const [program, ...rest] = words;
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
