import type { Finding, Severity } from '../engine/finding.ts';
import { ruleInfo } from '../report/rule-info.ts';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step from workflow
 * commands and drops the rest silently (GitHub community discussion #68471, "Extremely low
 * annotation limit"; GitHub's docs on workflow commands). Printing more only fills the log.
 */
export const MAX_WORKFLOW_ANNOTATIONS_PER_STEP: Readonly<Record<Severity, number>> = { error: 10, warning: 10, notice: 10 };

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

export interface WorkflowAnnotations {
  lines: string[];
  /** Findings left out by the per-step limits. */
  omitted: number;
}

/**
 * `::error file=…,line=…::message` lines for findings (new before existing, then by severity),
 * within GitHub's per-step limits. Columns only on single-line findings, as in check runs.
 */
export function workflowAnnotations(findings: readonly Finding[]): WorkflowAnnotations {
  const ordered = [...findings].sort(
    (a, b) => Number(a.status === 'existing') - Number(b.status === 'existing') || RANK[a.severity] - RANK[b.severity],
  );
  const shown: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const finding of ordered) {
    if (shown[finding.severity] >= MAX_WORKFLOW_ANNOTATIONS_PER_STEP[finding.severity]) continue;
    shown[finding.severity]++;
    lines.push(workflowAnnotation(finding));
  }
  return { lines, omitted: findings.length - lines.length };
}

function workflowAnnotation(finding: Finding): string {
  const title = ruleInfo(finding.ruleId)?.title;
  const properties: [string, string | number][] = [
    ['file', finding.path],
    ['line', finding.line],
    ['endLine', Math.max(finding.line, finding.endLine)],
  ];
  if (finding.endLine === finding.line) properties.push(['col', finding.column], ['endColumn', Math.max(finding.column, finding.endColumn - 1)]);
  properties.push(['title', `${finding.status === 'existing' ? '[existing] ' : ''}${title ? `${title} ` : ''}(${finding.ruleId})`]);
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${finding.severity} ${rendered}::${escapeData(finding.message)}`;
}

/** The escaping @actions/core applies to a command's message (toolkit, packages/core/src/command.ts). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** The escaping @actions/core applies to a property value: a message's, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
