import type { UnreadFile } from './finding.ts';
import type { RepositoryView } from './repository.ts';

/** Sorted, non-overlapping inclusive line ranges `[start, end]`, 1-based. */
export type LineRanges = readonly (readonly [number, number])[];

/** One file to analyse. */
export interface ChangedFile {
  path: string;
  /** Raw bytes when known (binary detection, size limit); otherwise `text` is used. */
  content: string | Uint8Array;
  /**
   * Diff mode only: the lines this change added. `'all'` for a new file; an empty array for a
   * changed file none of whose lines were added (e.g. only deletions, or no patch available).
   */
  added?: LineRanges | 'all';
}

/**
 * What the engine reviews: the files to analyse plus read-only views of the repository.
 * Without `base` it is a whole-tree scan and findings carry no `status`.
 */
export interface Changeset {
  files: readonly ChangedFile[];
  /** Changed files the source could not read: reported as not reviewed, never as clean. */
  unread?: readonly UnreadFile[];
  /** How many more changed files the source could not list at all (a pull request past GitHub's cap). */
  unlisted?: number;
  /** The repository at the reviewed revision (head). */
  repo: RepositoryView;
  /**
   * Diff mode: the repository at the merge base. Repository-level findings are new when their
   * fingerprint is absent from a review of this revision.
   */
  base?: { repo: RepositoryView };
}

/** True when any line of `[start, end]` is in `added`. */
export function touchesAdded(added: LineRanges | 'all' | undefined, start: number, end: number): boolean {
  if (added === undefined) return false;
  if (added === 'all') return true;
  return added.some(([from, to]) => from <= end && to >= start);
}

/** Merges a list of line numbers into sorted ranges. */
export function toLineRanges(lines: Iterable<number>): LineRanges {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const line of sorted) {
    const last = ranges.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}
