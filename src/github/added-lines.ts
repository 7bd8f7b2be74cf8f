import parseDiff from 'parse-diff';
import { toLineRanges, type LineRanges } from '../engine/changeset.ts';

/**
 * The head-side lines a unified-diff patch adds, as GitHub returns it per file (hunks only, no
 * file header). parse-diff reads a "\ No newline at end of file" marker as one more change of
 * the kind before it, on the same line number: dropping those keeps the numbers right.
 */
export function addedLines(patch: string): LineRanges {
  const lines: number[] = [];
  for (const file of parseDiff(patch)) {
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        if (change.type === 'add' && !change.content.startsWith('\\')) lines.push(change.ln);
      }
    }
  }
  return toLineRanges(lines);
}
