import type { Finding, Report } from '../engine/finding.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';

/** The `--format json` document (DESIGN.md, Findings): field order and names are a contract. */
export function renderJson(report: Report): string {
  const document = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    findings: report.findings.map(contractFinding),
    summary: {
      filesScanned: report.summary.filesScanned,
      filesSkipped: report.summary.filesSkipped,
      findings: report.summary.findings,
      byFactor: report.summary.byFactor,
      durationMs: report.summary.durationMs,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function contractFinding(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    factor: finding.factor,
    severity: finding.severity,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    ...(finding.status ? { status: finding.status } : {}),
    fingerprint: finding.fingerprint,
    ...(finding.fix ? { fix: { description: finding.fix.description, replacement: finding.fix.replacement } } : {}),
  };
}
