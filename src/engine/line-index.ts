import type { TextEdit } from '../../checks/define-check.ts';
import type { Location } from './finding.ts';

/** Maps character offsets of one text to 1-based lines and columns, and back. */
export class LineIndex {
  readonly #text: string;
  /** Offset of the first character of each line. */
  readonly #starts: number[] = [0];

  constructor(text: string) {
    this.#text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Offset where 1-based `line` starts. */
  startOf(line: number): number {
    return this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1]!;
  }

  /** Offset where 1-based `line` ends, before its terminator. */
  endOf(line: number): number {
    const next = line < this.#starts.length ? this.#starts[line]! - 1 : this.#text.length;
    return next > 0 && this.#text.charCodeAt(next - 1) === 13 && next - 1 >= this.startOf(line) ? next - 1 : next;
  }

  locate(start: number, end: number): Location {
    const line = this.lineOf(start);
    const endOffset = Math.max(start, end);
    const endLine = this.lineOf(endOffset);
    return {
      line,
      column: start - this.startOf(line) + 1,
      endLine,
      endColumn: endOffset - this.startOf(endLine) + 1,
    };
  }

  /** Text of lines `line`..`endLine`, joined by "\n". */
  slice(line: number, endLine: number): string {
    return this.#text.slice(this.startOf(line), this.endOf(endLine)).replace(/\r\n/g, '\n');
  }

  /**
   * Lines `line`..`endLine` with `edits` applied: the replacement a review suggestion posts.
   * Undefined when an edit falls outside those lines (the fix would not be a line suggestion).
   */
  replaceLines(line: number, endLine: number, edits: readonly TextEdit[]): string | undefined {
    const from = this.startOf(line);
    const to = this.endOf(endLine);
    if (edits.some((edit) => edit.start < from || edit.end > to || edit.end < edit.start)) return undefined;
    let result = this.#text.slice(from, to);
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
      result = result.slice(0, edit.start - from) + edit.text + result.slice(edit.end - from);
    }
    return result.replace(/\r\n/g, '\n');
  }
}
