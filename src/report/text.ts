import { styleText } from 'node:util';
import { FACTOR_NAMES, type Finding, type Report, type Severity } from '../engine/finding.ts';
import { isIncomplete, secretsOnlyLine, unreadChangedFiles, unreadReason } from './coverage-text.ts';
import { ruleInfo } from './rule-info.ts';

const SEVERITY_STYLE: Readonly<Record<Severity, Parameters<typeof styleText>[0]>> = {
  error: 'red',
  warning: 'yellow',
  notice: 'cyan',
};

/** Human-readable output for a terminal, grouped by file; colour only when asked (a TTY). */
export function renderText(report: Report, options: { color: boolean }): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const lines: string[] = [];
  const byPath = Map.groupBy(report.findings, (finding) => finding.path);
  for (const [filePath, findings] of byPath) {
    lines.push(paint('underline', filePath));
    for (const finding of findings) lines.push(...renderFinding(finding, paint));
    lines.push('');
  }
  lines.push(renderTotals(report, paint));
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, paint: (style: Parameters<typeof styleText>[0], text: string) => string): string[] {
  const position = `${finding.line}:${finding.column}`.padEnd(8);
  const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(8));
  const factor = finding.factor === 0 ? '' : ` [${finding.factor} ${FACTOR_NAMES[finding.factor]}]`;
  const status = finding.status ? ` (${finding.status})` : '';
  const fix = ruleInfo(finding.ruleId)?.fix;
  const indent = ' '.repeat(18);
  return [
    `  ${position}${severity}${finding.message}  ${paint('dim', finding.ruleId)}${paint('dim', factor)}${status}`,
    ...(fix ? [`${indent}${paint('green', 'fix:')} ${fix}`] : []),
    ...(finding.fix ? finding.fix.replacement.split('\n').map((line, index) => `${indent}${index === 0 ? paint('green', 'suggested:') : '          '} ${line.trim()}`) : []),
  ];
}

function unreadCount(report: Report): string {
  const count = unreadChangedFiles(report) + report.unreadRepositoryFiles.length;
  return `${count} file${count === 1 ? '' : 's'}`;
}

function renderTotals(report: Report, paint: (style: Parameters<typeof styleText>[0], text: string) => string): string {
  const { summary } = report;
  const counted = report.findings.filter((finding) => finding.status !== 'existing');
  const bySeverity = (severity: Severity) => counted.filter((finding) => finding.severity === severity).length;
  const parts = (['error', 'warning', 'notice'] as const)
    .map((severity) => [severity, bySeverity(severity)] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  const existing = report.findings.length - counted.length;
  const headline =
    counted.length === 0
      ? isIncomplete(report)
        ? paint('yellow', `⚠ no ${existing > 0 ? 'new ' : ''}findings in what was read; ${unreadCount(report)} could not be read`)
        : paint('green', `✔ no ${existing > 0 ? 'new ' : ''}findings`)
      : paint('bold', `✖ ${counted.length} ${report.findings.some((f) => f.status) ? 'new ' : ''}finding${counted.length === 1 ? '' : 's'} (${parts.join(', ')})`);
  const skippedReasons = Object.entries(Object.groupBy(report.skipped, (file) => file.reason))
    .map(([reason, files]) => `${files!.length} ${reason}`)
    .join(', ');
  return [
    headline + (existing > 0 ? `, ${existing} existing` : ''),
    `  ${summary.filesScanned} files scanned, ${summary.filesSkipped} skipped${skippedReasons ? ` (${skippedReasons})` : ''}${summary.filesNotReviewed ? `, ${summary.filesNotReviewed} not read` : ''}${report.suppressed ? `, ${report.suppressed} suppressed` : ''} in ${summary.durationMs} ms`,
    ...report.skipped.filter((file) => file.reason === 'unparsable').map((file) => `  skipped ${file.path}: ${file.detail}`),
    ...report.notReviewed.map((file) => `  not read ${file.path}: ${unreadReason(file)}`),
    ...report.unreadRepositoryFiles.map(
      (file) => `  not read ${file.path}: ${unreadReason(file)}${file.rules.length > 0 ? `; findings of ${file.rules.join(', ')} withheld` : ''}`,
    ),
    ...report.secretsOnly.map((group) => `  ${secretsOnlyLine(group)}`),
  ].join('\n');
}
