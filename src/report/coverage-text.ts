import type { Report, SecretsOnlyFiles, UnreadFile } from '../engine/finding.ts';
import { plural } from './markdown-text.ts';

const UNREAD_REASONS: Readonly<Record<UnreadFile['reason'], string>> = {
  'not-returned': 'GitHub did not return its content',
  'fetch-failed': 'fetching it failed after retries',
  'permission-denied': 'permission denied',
  vanished: 'deleted during the review',
  unreadable: 'could not be read',
};

/** Why a file was not read, in words: "fetching it failed after retries (HTTP 502)". */
export function unreadReason(file: UnreadFile): string {
  return `${UNREAD_REASONS[file.reason]}${file.detail ? ` (${file.detail})` : ''}`;
}

/** Changed files the review could not read, listed or not. */
export function unreadChangedFiles(report: Report): number {
  return report.notReviewed.length + report.unlisted;
}

/** True when the review cannot vouch for the change: a changed or needed repository file went unread. */
export function isIncomplete(report: Report): boolean {
  return unreadChangedFiles(report) > 0 || report.unreadRepositoryFiles.length > 0;
}

/** "2 changed files could not be read — Re-run" (or the repository files rules need). */
export function incompleteHeadline(report: Report): string {
  const changed = unreadChangedFiles(report);
  const what =
    changed > 0
      ? `${plural(changed, 'changed file')} could not be read`
      : `${plural(report.unreadRepositoryFiles.length, 'repository file')} the rules need could not be read`;
  return `${what} — Re-run`;
}

/** "3 Go files: secrets only — factor rules do not read Go yet". */
export function secretsOnlyLine(group: SecretsOnlyFiles): string {
  return `${plural(group.paths.length, `${group.language} file`)}: secrets only — factor rules do not read ${group.language} yet`;
}

/** The same for a title: one language as secretsOnlyLine, several in one phrase. */
export function secretsOnlyPhrase(groups: readonly SecretsOnlyFiles[]): string | undefined {
  if (groups.length === 0) return undefined;
  if (groups.length === 1) return secretsOnlyLine(groups[0]!);
  const files = groups.reduce((sum, group) => sum + group.paths.length, 0);
  return `${plural(files, 'file')} in ${groups.map((group) => group.language).join(', ')}: secrets only — factor rules do not read them yet`;
}
