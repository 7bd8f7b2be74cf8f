import { closest } from 'fastest-levenshtein';
import { CHECK_IDS } from '../../checks/index.ts';
import type { FileAnalysis, RawReport } from './file-context.ts';
import type { Factor, Finding, Severity } from './finding.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { EnabledCheck } from './review.ts';
import { parseSuppressions, suppressionCovers, type Suppression } from './suppressions.ts';

/** Diagnostics the engine itself reports about suppression comments (factor 0: not a factor). */
export const SUPPRESSION_DIAGNOSTICS = {
  'suppression/missing-reason': {
    severity: 'warning',
    title: 'Suppression without a reason',
    description:
      'An inline suppression must say why the finding does not apply (`-- <reason>`), so that reviewers can judge it. A suppression without a reason is not honoured.',
  },
  'suppression/unknown-rule': {
    severity: 'warning',
    title: 'Suppression names an unknown rule',
    description: 'A suppression that names no existing rule silences nothing; it is usually a typo.',
  },
} as const satisfies Record<string, { severity: Severity; title: string; description: string }>;

type Candidate = RawReport & { severity: Severity; id: string; factor: Factor };

/** Turns one file's raw reports into findings: suppress, dedupe, make safe, fingerprint. */
export function postProcess(analysis: FileAnalysis, checks: readonly EnabledCheck[]): { findings: Finding[]; suppressed: number } {
  const suppressions = parseSuppressions(analysis.text, analysis.kind);
  // Most files have nothing to report: skip the per-file bookkeeping below for them.
  if (analysis.reports.length === 0 && suppressions.length === 0) return { findings: [], suppressed: 0 };
  const enabledById = new Map(checks.map((enabled) => [enabled.check.id, enabled]));
  let candidates: Candidate[] = analysis.reports.map((report) => {
    const enabled = enabledById.get(report.check.id)!;
    const severity = enabled.configured ? enabled.severity : (report.severity ?? enabled.severity);
    return { ...report, severity, id: report.check.id, factor: report.check.meta.factor };
  });
  const honoured = suppressions.filter((suppression) => suppression.reason !== '');
  const before = candidates.length;
  candidates = candidates.filter((candidate) => !honoured.some((suppression) => silences(suppression, candidate)));
  const suppressed = before - candidates.length;
  candidates = dedupe(candidates);
  dropFixesOnSecretLines(candidates);

  const findings: Finding[] = candidates.map((candidate) => toFinding(analysis.path, candidate));
  findings.push(...suppressionDiagnostics(analysis.path, suppressions, checks));
  assignFingerprints(findings, analysis);
  return { findings, suppressed };
}

function silences(suppression: Suppression, candidate: Candidate): boolean {
  if (!suppressionCovers(suppression, candidate.id)) return false;
  return suppression.scope === 'file' || candidate.location.line === suppression.line + 1;
}

/**
 * At most one finding per line and factor (RULES.md); a rule that declares it wins over another
 * silences that one on the same line whatever their factors. Secrets are exempt: a leaked
 * credential is reported beside any factor finding on its line.
 */
function dedupe(candidates: Candidate[]): Candidate[] {
  const beats = (a: Candidate, b: Candidate) => a.check.meta.winsOver?.includes(b.id) === true;
  const coveredByWinner = (candidate: Candidate) =>
    candidates.some(
      (winner) =>
        winner.covers !== undefined &&
        beats(winner, candidate) &&
        candidate.location.line >= winner.covers.line &&
        candidate.location.line <= winner.covers.endLine,
    );
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (coveredByWinner(candidate)) continue;
    const rivalIndex = kept.findIndex(
      (other) =>
        other.location.line === candidate.location.line &&
        (beats(other, candidate) ||
          beats(candidate, other) ||
          (other.factor === candidate.factor && !isSecret(other) && !isSecret(candidate) && other.id !== candidate.id) ||
          (other.id === candidate.id && other.location.column === candidate.location.column)),
    );
    if (rivalIndex === -1) {
      kept.push(candidate);
      continue;
    }
    const rival = kept[rivalIndex]!;
    if (beats(candidate, rival) || (!beats(rival, candidate) && severityRank(candidate.severity) > severityRank(rival.severity))) {
      kept[rivalIndex] = candidate;
    }
  }
  return kept;
}

function isSecret(candidate: Candidate): boolean {
  return candidate.id.startsWith('secrets/');
}

function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/** A suggestion rewrites whole lines: on a line holding a secret it would echo the secret. */
function dropFixesOnSecretLines(candidates: Candidate[]): void {
  const secretLines = candidates.filter(isSecret).map((candidate) => candidate.location);
  for (const candidate of candidates) {
    if (!candidate.fix) continue;
    const { line, endLine } = candidate.location;
    if (secretLines.some((secret) => secret.line <= endLine && secret.endLine >= line)) delete candidate.fix;
  }
}

function toFinding(filePath: string, candidate: Candidate): Finding {
  const finding: Finding = {
    ruleId: candidate.id,
    factor: candidate.factor,
    severity: candidate.severity,
    path: filePath,
    ...candidate.location,
    message: candidate.message,
    fingerprint: '',
  };
  if (candidate.fix) finding.fix = candidate.fix;
  return finding;
}

function suppressionDiagnostics(filePath: string, suppressions: readonly Suppression[], checks: readonly EnabledCheck[]): Finding[] {
  if (suppressions.length === 0) return [];
  const known = new Set([...CHECK_IDS, ...checks.map(({ check }) => check.id)]);
  const diagnostics: Finding[] = [];
  for (const suppression of suppressions) {
    const at = { path: filePath, line: suppression.line, column: suppression.column, endLine: suppression.line, endColumn: suppression.endColumn };
    if (suppression.reason === '') {
      diagnostics.push({
        ruleId: 'suppression/missing-reason',
        factor: 0,
        severity: SUPPRESSION_DIAGNOSTICS['suppression/missing-reason'].severity,
        ...at,
        message: 'Suppression without a reason is not honoured; add `-- <why this does not apply>`.',
        fingerprint: '',
      });
    }
    for (const ruleId of suppression.ruleIds) {
      if (known.has(ruleId) || (ruleId.endsWith('/*') && [...known].some((id) => id.startsWith(ruleId.slice(0, -1))))) continue;
      diagnostics.push({
        ruleId: 'suppression/unknown-rule',
        factor: 0,
        severity: SUPPRESSION_DIAGNOSTICS['suppression/unknown-rule'].severity,
        ...at,
        message: `Suppression names unknown rule "${ruleId}"; did you mean ${closest(ruleId, [...known])}?`,
        fingerprint: '',
      });
    }
  }
  return diagnostics;
}

function assignFingerprints(findings: Finding[], analysis: FileAnalysis): void {
  const occurrences = new Map<string, number>();
  const ordered = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const finding of ordered) {
    const flagged = analysis.lineIndex.slice(finding.line, finding.endLine);
    const key = `${finding.ruleId}\0${flagged.replace(/\s+/g, ' ').trim()}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    finding.fingerprint = fingerprintOf(finding.ruleId, finding.path, flagged, occurrence);
  }
}
