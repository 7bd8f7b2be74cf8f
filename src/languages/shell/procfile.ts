/** One `type: command` line of a Procfile. */
export interface ProcfileEntry {
  /** The process type: `web`, `worker`, `release`… */
  type: string;
  command: string;
  /** 1-based line number. */
  line: number;
  /** Offsets in the file: the line's start and end (before its terminator), and where the command starts. */
  start: number;
  end: number;
  commandStart: number;
}

const ENTRY = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

/**
 * Parses a Procfile (Heroku, foreman, honcho): one `type: command` per line; blank lines and
 * `#` comments are skipped, as are lines that are neither.
 */
export function parseProcfile(text: string): ProcfileEntry[] {
  const entries: ProcfileEntry[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length + 1 : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text[newline - 1] === '\r' ? newline - 1 : newline;
    const content = text.slice(start, end);
    line++;
    const match = ENTRY.exec(content);
    if (match && !content.trimStart().startsWith('#')) {
      const command = match[2]!;
      entries.push({ type: match[1]!, command, line, start, end, commandStart: start + content.indexOf(command, match[1]!.length + 1) });
    }
    start = next;
  }
  return entries;
}
