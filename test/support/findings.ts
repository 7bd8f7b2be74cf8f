import type { Finding, Report, SkippedFile } from '../../src/engine/finding.ts';

/** A hard-coded-port finding, the fields a test cares about overridden. */
export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'port-binding/no-hardcoded-port',
    factor: 7,
    severity: 'error',
    path: 'src/server.ts',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 16,
    message: 'Port binding (VII): server listens on hard-coded port 3000; read it from process.env.PORT.',
    fingerprint: '0'.repeat(32),
    ...overrides,
  };
}

/** A report of `findings`, its summary counted from them. */
export function aReport(findings: Finding[] = [], skipped: SkippedFile[] = [], suppressed = 0): Report {
  const byFactor: Report['summary']['byFactor'] = {};
  for (const finding of findings) byFactor[`${finding.factor}`] = (byFactor[`${finding.factor}`] ?? 0) + 1;
  return {
    findings,
    skipped,
    suppressed,
    notReviewed: [],
    unlisted: 0,
    unreadRepositoryFiles: [],
    secretsOnly: [],
    summary: { filesScanned: 1, filesSkipped: skipped.length, filesNotReviewed: 0, filesReadByFactorRules: 1, findings: findings.length, byFactor, durationMs: 1 },
  };
}
