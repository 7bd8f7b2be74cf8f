import type { ArtifactLocation, Fix, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { FACTOR_NAMES, type Finding, type Report, type Severity, type SkippedFile } from '../engine/finding.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { allRuleInfos, factorLabel, factorOf, ruleInfo, type RuleInfo } from './rule-info.ts';

/** The schema GitHub code scanning and most SARIF viewers expect to see named. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Locations are relative to the scanned root, named by this base id (SARIF §3.14.14). */
export const SRCROOT = '%SRCROOT%';

/** `partialFingerprints` key: GitHub code scanning tracks alerts across commits by it. */
export const FINGERPRINT_KEY = 'twelveFactorFingerprint/v1';

/**
 * GitHub code scanning ranks a rule tagged `security` by this score ("security-severity",
 * GitHub docs, "SARIF support for code scanning"): 7.0–8.9 is "high". A committed credential is
 * high rather than critical because the tool cannot tell whether it is still valid.
 */
const SECRET_SECURITY_SEVERITY = '8.0';

const LEVELS: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifOptions {
  /** `tool.driver.version`; defaults to this package's version. */
  toolVersion?: string;
  /** `tool.driver.informationUri`, e.g. the project's home page. */
  informationUri?: string;
}

/**
 * The report as a SARIF 2.1.0 log (JSON text), for GitHub code scanning and other viewers.
 * Every documented rule is listed in `tool.driver.rules` (so rule indexes and help do not
 * depend on which rules fired); results carry a stable fingerprint, `baselineState` in diff
 * mode, and a fix replacing the finding's whole lines when the rule offers one. Skipped files
 * that may hide findings (unparsable, too large) become tool notifications.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const infos = [...allRuleInfos()];
  const indexById = new Map(infos.map((info, index) => [info.id, index]));
  for (const finding of report.findings) {
    if (indexById.has(finding.ruleId)) continue;
    indexById.set(finding.ruleId, infos.length);
    infos.push(ruleInfo(finding.ruleId) ?? undocumented(finding));
  }
  const driver: Log['runs'][number]['tool']['driver'] = {
    name: TOOL_NAME,
    version: options.toolVersion ?? TOOL_VERSION,
    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
    rules: infos.map(ruleDescriptor),
  };
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.filter(isWorthNotifying).map(skipNotification),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the scanned repository.' } } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => result(finding, indexById.get(finding.ruleId)!)),
        properties: {
          filesScanned: report.summary.filesScanned,
          filesSkipped: report.summary.filesSkipped,
          suppressed: report.suppressed,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Documentation for a rule id the catalogue does not know (never expected; never fatal). */
function undocumented(finding: Finding): RuleInfo {
  return { id: finding.ruleId, factor: finding.factor, title: finding.ruleId, description: finding.message, fix: '', severity: finding.severity };
}

function ruleDescriptor(info: RuleInfo): ReportingDescriptor {
  const factor = info.factor;
  const isSecret = info.id.startsWith('secrets/');
  const heading = factor === 0 ? factorLabel(0) : `Twelve-Factor ${factorLabel(factor)}`;
  const fixText = info.fix ? `\n\nFix: ${info.fix}` : '';
  const fixMarkdown = info.fix ? `\n\n**Fix:** ${info.fix}` : '';
  const tags = factor === 0 ? ['twelve-factor-review', 'suppression'] : ['twelve-factor', `factor-${factor}`, slug(FACTOR_NAMES[factor])];
  if (isSecret) tags.push('security', 'secrets');
  return {
    id: info.id,
    name: pascalCase(info.id),
    shortDescription: { text: info.title },
    fullDescription: { text: info.description },
    help: {
      text: `${heading}: ${info.title}\n\n${info.description}${fixText}`,
      markdown: `**${heading}**: ${info.title}\n\n${info.description}${fixMarkdown}`,
    },
    defaultConfiguration: { level: LEVELS[info.severity] },
    properties: {
      tags,
      factor,
      ...(isSecret ? { 'security-severity': SECRET_SECURITY_SEVERITY } : {}),
    },
  };
}

function result(finding: Finding, ruleIndex: number): Result {
  const artifactLocation = artifact(finding.path);
  const line = Math.max(1, finding.line);
  const sarifResult: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: line,
            startColumn: Math.max(1, finding.column),
            endLine: Math.max(line, finding.endLine),
            endColumn: Math.max(1, finding.endColumn),
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { factor: factorOf(finding) },
  };
  if (finding.status) sarifResult.baselineState = finding.status === 'new' ? 'new' : 'unchanged';
  // A fix rewrites whole lines; for a secret's line it could only echo the credential.
  if (finding.fix && !finding.ruleId.startsWith('secrets/')) sarifResult.fixes = [fix(finding, artifactLocation)];
  return sarifResult;
}

/**
 * The finding's lines replaced whole: a region given by lines alone runs from the first
 * character of `startLine` to the end of `endLine`, its line break excluded (SARIF §3.30.5,
 * §3.30.8), which is exactly what `fix.replacement` stands for.
 */
function fix(finding: Finding, artifactLocation: ArtifactLocation): Fix {
  const line = Math.max(1, finding.line);
  return {
    description: { text: finding.fix!.description },
    artifactChanges: [
      {
        artifactLocation,
        replacements: [
          {
            deletedRegion: { startLine: line, endLine: Math.max(line, finding.endLine) },
            insertedContent: { text: finding.fix!.replacement },
          },
        ],
      },
    ],
  };
}

/** A relative URI reference for a repository path: each segment percent-encoded. */
function artifact(filePath: string): ArtifactLocation {
  return { uri: filePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** Skips that may hide findings; ignored, vendored, generated and binary files are expected. */
function isWorthNotifying(file: SkippedFile): boolean {
  return file.reason === 'unparsable' || file.reason === 'too-large';
}

function skipNotification(file: SkippedFile): Notification {
  const why = file.reason === 'unparsable' ? 'could not be parsed' : 'is over 1 MiB';
  return {
    level: file.reason === 'unparsable' ? 'warning' : 'note',
    message: { text: `Not analysed: ${file.path} ${why}${file.detail ? ` (${file.detail})` : ''}.` },
    locations: [{ physicalLocation: { artifactLocation: artifact(file.path) } }],
  };
}

function pascalCase(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
