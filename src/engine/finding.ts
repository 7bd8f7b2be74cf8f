/** Severity of a finding, highest first. */
export type Severity = 'error' | 'warning' | 'notice';

/** Twelve-Factor App factor number; 0 marks the tool's own diagnostics (e.g. a bad suppression). */
export type Factor = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export const FACTOR_NAMES: Readonly<Record<Exclude<Factor, 0>, string>> = {
  1: 'Codebase',
  2: 'Dependencies',
  3: 'Config',
  4: 'Backing services',
  5: 'Build, release, run',
  6: 'Processes',
  7: 'Port binding',
  8: 'Concurrency',
  9: 'Disposability',
  10: 'Dev/prod parity',
  11: 'Logs',
  12: 'Admin processes',
};

/** A 1-based, inclusive-start / exclusive-end range in a file. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A mechanical fix: `replacement` replaces lines `line`..`endLine` of the finding whole. */
export interface FindingFix {
  description: string;
  replacement: string;
}

/** `new` and `existing` exist only in diff mode. */
export type FindingStatus = 'new' | 'existing';

/** One problem at one place: the neutral type every reporter consumes. */
export interface Finding extends Location {
  ruleId: string;
  factor: Factor;
  severity: Severity;
  path: string;
  message: string;
  status?: FindingStatus;
  fingerprint: string;
  fix?: FindingFix;
}

/** A file the engine did not analyse, and why. */
export interface SkippedFile {
  path: string;
  reason: 'ignored' | 'vendored' | 'generated' | 'binary' | 'too-large' | 'unparsable';
  detail?: string;
}

/**
 * A file the review needed but could not read: a changed file (never counted as scanned, so never
 * called clean) or a repository file rules read beyond the changed ones (package.json, a lockfile).
 */
export interface UnreadFile {
  path: string;
  reason: 'not-returned' | 'fetch-failed' | 'permission-denied' | 'vanished' | 'unreadable';
  detail?: string;
}

/** Changed files in one language that only secret scanning read: no enabled factor rule reads it. */
export interface SecretsOnlyFiles {
  language: string;
  paths: string[];
}

export interface Summary {
  filesScanned: number;
  filesSkipped: number;
  /** Changed files not reviewed: `Report.notReviewed` plus those a listing left out (`unlisted`). */
  filesNotReviewed: number;
  /** Scanned files at least one enabled factor rule (not secret scanning alone) reads. */
  filesReadByFactorRules: number;
  findings: number;
  byFactor: Partial<Record<`${Factor}`, number>>;
  durationMs: number;
}

/** What one engine run produces. `skipped` details the summary's `filesSkipped`. */
export interface Report {
  findings: Finding[];
  summary: Summary;
  skipped: SkippedFile[];
  /** Changed files whose content could not be read: not reviewed, never clean. */
  notReviewed: UnreadFile[];
  /** Changed files the source could not even list (GitHub's 3,000-file cap on a pull request). */
  unlisted: number;
  /**
   * Repository files rules needed but could not read, with the rules whose findings on them were
   * withheld rather than guessed.
   */
  unreadRepositoryFiles: (UnreadFile & { rules: string[] })[];
  /** Changed files that got secret scanning only, by language. */
  secretsOnly: SecretsOnlyFiles[];
  /** The findings a suppression silenced, kept for counts in summaries. */
  suppressed: number;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, notice: 1 };

/** True when `severity` is at or above `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Orders findings by path, then position, then rule id, for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
