import type { Config } from '../engine/config.ts';
import { compareFindings, FACTOR_NAMES, isAtLeast, type Factor, type Finding, type Report, type SkippedFile } from '../engine/finding.ts';
import {
  bySeverity,
  codeSpan,
  fitToLimit,
  gitHubLength,
  inlineMarkdown,
  plural,
  SEVERITY_EMOJI,
  severityBreakdown,
} from './markdown-text.ts';
import { FACTORS, factorLabel, factorNumeral, factorOf } from './rule-info.ts';
import { incompleteHeadline, isIncomplete, secretsOnlyLine, secretsOnlyPhrase, unreadChangedFiles, unreadReason } from './coverage-text.ts';

/**
 * GitHub REST API, "Create a check run": `output.summary` — "Maximum length: 65535 characters."
 * Measured conservatively in UTF-8 bytes (see `gitHubLength`).
 */
export const MAX_CHECK_RUN_SUMMARY_LENGTH = 65_535;

/** GitHub REST API, "Create a check run": `output.text` — "Maximum length: 65535 characters." */
export const MAX_CHECK_RUN_TEXT_LENGTH = 65_535;

/** New findings listed one by one in the summary; the rest are counted (and annotated by the App). */
export const MAX_LISTED_FINDINGS = 50;

/** Skipped files listed by path; the rest are counted by reason. */
export const MAX_LISTED_SKIPPED_FILES = 20;

/** Unread files listed by path in the summary; the rest are counted. */
export const MAX_LISTED_UNREAD_FILES = 50;

/** Ignore globs and rule overrides listed in the configuration summary. */
const MAX_LISTED_IGNORE_GLOBS = 20;
const MAX_LISTED_RULE_SETTINGS = 50;

/** What the summary says about the circumstances of a review, beyond the report itself. */
export interface SummaryContext {
  /** The configuration in force, summarised at the end. */
  config: Config;
  /** Where it came from, e.g. ".github/twelve-factor.yml (default branch)" or "defaults". */
  configSource?: string;
  /** How many annotations were posted of how many findings deserved one; a cap is mentioned. */
  annotations?: { posted: number; total: number };
  /** The pull request edits `.github/twelve-factor.yml`: the edit applies once merged. */
  configChangedInPullRequest?: boolean;
}

/** In diff mode findings carry a status; in a whole-tree report every finding counts as new. */
function isNew(finding: Finding): boolean {
  return finding.status !== 'existing';
}

function isDiffMode(report: Report): boolean {
  return report.findings.length === 0 || report.findings.some((finding) => finding.status !== undefined);
}

/**
 * The factors with no new finding at warning or above. A factor is judged on what the change
 * adds, not on what it inherits: existing findings are counted in the summary but do not make
 * a factor unclean, so a pull request is never blamed for debt it did not create. Notices never
 * make a factor unclean. A factor switched off by configuration has no findings, so it counts
 * as clean here (the summary's scorecard marks it "off").
 */
export function cleanFactors(report: Report): Exclude<Factor, 0>[] {
  const unclean = new Set<Factor>();
  for (const finding of report.findings) {
    if (isNew(finding) && isAtLeast(finding.severity, 'warning')) unclean.add(factorOf(finding));
  }
  return FACTORS.filter((factor) => !unclean.has(factor));
}

/**
 * The check run's title: "2 new issues (1 error, 1 warning) — 10 of 12 factors clean", or
 * "No new issues — 12 of 12 factors clean". Issues count every new finding, the engine's
 * diagnostics about suppression comments included; factors are counted as `cleanFactors` says.
 * It claims clean factors only for what the factor rules read: unread files lead the title
 * ("2 changed files could not be read — Re-run · No new issues"), and code only secret scanning
 * read is named ("3 Go files: secrets only — factor rules do not read Go yet").
 */
export function renderCheckTitle(report: Report): string {
  const fresh = report.findings.filter(isNew);
  const issues = fresh.length === 0 ? 'No new issues' : `${plural(fresh.length, 'new issue')} (${severityBreakdown(fresh)})`;
  if (isIncomplete(report)) return `${incompleteHeadline(report)} · ${issues}`;
  const clean = `${cleanFactors(report).length} of ${FACTORS.length} factors clean`;
  const secretsOnly = secretsOnlyPhrase(report.secretsOnly);
  if (secretsOnly === undefined) return `${issues} — ${clean}`;
  return report.summary.filesReadByFactorRules === 0 ? `${issues} — ${secretsOnly}` : `${issues} — ${clean} · ${secretsOnly}`;
}

/**
 * The check run's `output.summary`: verdict, 12-factor scorecard, notes, the new findings
 * (as many as fit), skipped files and the configuration in force. Never longer than
 * MAX_CHECK_RUN_SUMMARY_LENGTH: the list of findings is what gets cut, with a note saying so.
 */
export function renderCheckSummary(report: Report, context: SummaryContext): string {
  const diff = isDiffMode(report);
  const before = [
    verdict(report, context.config),
    totals(report, diff),
    notReviewedSection(report),
    unreadRepositorySection(report),
    secretsOnlySection(report),
    scorecard(report, context.config, diff),
    ...notes(context),
  ].filter((section) => section !== '');
  const after = [skippedSection(report), configSection(context), footer(report)].filter((section) => section !== '');
  const separators = gitHubLength('\n\n') * (before.length + after.length);
  const budget = MAX_CHECK_RUN_SUMMARY_LENGTH - gitHubLength([...before, ...after].join('')) - separators;
  const list = findingsSection(report, diff, budget);
  const summary = [...before, list, ...after].filter((section) => section !== '').join('\n\n');
  return fitToLimit(summary, MAX_CHECK_RUN_SUMMARY_LENGTH, '_Summary truncated: GitHub limits it to 65,535 characters._');
}

function verdict(report: Report, config: Config): string {
  const fresh = report.findings.filter(isNew);
  const newWord = isDiffMode(report) ? 'new ' : '';
  const failOn = config.failOn;
  const failing = failOn === 'never' ? [] : fresh.filter((finding) => isAtLeast(finding.severity, failOn));
  if (failing.length > 0) {
    return `**❌ Failing** — ${plural(failing.length, `${newWord}finding`)} at or above \`${failOn}\` (\`fail_on\`).`;
  }
  if (isIncomplete(report)) {
    return `**⚠️ Not fully reviewed** — ${incompleteHeadline(report)}. Nothing unread is called clean: use **Re-run** on this check to try again.`;
  }
  if (failOn === 'never') {
    return `**✅ Passing** — \`fail_on: never\`: findings are reported but never fail the check.`;
  }
  if (fresh.length > 0) {
    return `**✅ Passing** — no ${newWord}finding at or above \`${failOn}\` (\`fail_on\`); ${plural(fresh.length, `${newWord}finding`)} below it.`;
  }
  return `**✅ Passing** — no ${newWord}issues.`;
}

function totals(report: Report, diff: boolean): string {
  const fresh = report.findings.filter(isNew);
  const existing = report.findings.length - fresh.length;
  const parts = [
    `**${diff ? 'New' : 'Findings'}:** ${fresh.length}${fresh.length > 0 ? ` (${severityBreakdown(fresh)})` : ''}`,
    ...(diff ? [`**Existing:** ${existing}`] : []),
    ...(report.suppressed > 0 ? [`**Suppressed inline:** ${report.suppressed}`] : []),
    `**Files:** ${report.summary.filesScanned} scanned, ${report.summary.filesSkipped} skipped${report.summary.filesNotReviewed > 0 ? `, ${report.summary.filesNotReviewed} not reviewed` : ''}`,
  ];
  return parts.join(' · ');
}

function scorecard(report: Report, config: Config, diff: boolean): string {
  const rows: string[] = [];
  const header = diff ? '| # | Factor | Status | New | Existing |\n| :-: | --- | --- | --: | --: |' : '| # | Factor | Status | Findings |\n| :-: | --- | --- | --: |';
  const row = (numeral: string, name: string, findings: readonly Finding[], off: boolean) => {
    const fresh = findings.filter(isNew);
    const existing = findings.length - fresh.length;
    const counts = diff ? `${fresh.length} | ${existing}` : `${fresh.length}`;
    return `| ${numeral} | ${name} | ${status(findings, off)} | ${counts} |`;
  };
  for (const factor of FACTORS) {
    const findings = report.findings.filter((finding) => factorOf(finding) === factor);
    rows.push(row(factorNumeral(factor), FACTOR_NAMES[factor], findings, config.factorsOff.includes(factor)));
  }
  const diagnostics = report.findings.filter((finding) => factorOf(finding) === 0);
  if (diagnostics.length > 0) rows.push(row('—', factorLabel(0), diagnostics, false));
  const legend = diff
    ? '<sub>A factor is clean when this change adds no finding at warning or above to it; existing findings are counted but not held against the change. Secrets count under III.</sub>'
    : '<sub>A factor is clean when it has no finding at warning or above. Secrets count under III.</sub>';
  return `${header}\n${rows.join('\n')}\n\n${legend}`;
}

function status(findings: readonly Finding[], off: boolean): string {
  const fresh = findings.filter(isNew);
  const secrets = findings.filter((finding) => finding.ruleId.startsWith('secrets/')).length;
  const secretNote = secrets > 0 ? ` · 🔑 ${plural(secrets, 'secret')}` : '';
  if (off && findings.length === 0) return '➖ Off';
  if (fresh.some((finding) => finding.severity === 'error')) return `${SEVERITY_EMOJI.error} Error${secretNote}`;
  if (fresh.some((finding) => finding.severity === 'warning')) return `${SEVERITY_EMOJI.warning} Warning${secretNote}`;
  if (fresh.length > 0) return `✅ Clean (notices)${secretNote}`;
  return `✅ Clean${secretNote}`;
}

function notes(context: SummaryContext): string[] {
  const found: string[] = [];
  if (context.configChangedInPullRequest) {
    found.push(
      '> ⚙️ **Configuration change:** this pull request changes `.github/twelve-factor.yml`. This review used the configuration from the default branch; the change applies once it is merged.',
    );
  }
  const annotations = context.annotations;
  if (annotations && annotations.posted < annotations.total) {
    found.push(
      `> ℹ️ **Annotations capped:** ${annotations.posted} of ${plural(annotations.total, 'finding')} are annotated on the changed files (annotations are capped); the counts above include them all.`,
    );
  }
  return found;
}

/** The new findings, errors first, as many as `budget` (GitHub length) allows and at most MAX_LISTED_FINDINGS. */
function findingsSection(report: Report, diff: boolean, budget: number): string {
  const fresh = bySeverity([...report.findings].filter(isNew).sort(compareFindings));
  if (fresh.length === 0) return '';
  const heading = diff ? '### New findings' : '### Findings';
  const noteFor = (left: number) =>
    `- …and ${plural(left, `more ${diff ? 'new ' : ''}finding`)} not listed here${left > fresh.length - MAX_LISTED_FINDINGS ? ' (the summary is limited to 65,535 characters)' : ''}.`;
  const reserve = gitHubLength(noteFor(fresh.length)) + 1;
  const lines: string[] = [heading];
  let used = gitHubLength(heading);
  for (const finding of fresh) {
    if (lines.length - 1 >= MAX_LISTED_FINDINGS) break;
    const line = findingLine(finding);
    const cost = gitHubLength(line) + 1;
    if (used + cost + reserve > budget) break;
    lines.push(line);
    used += cost;
  }
  const listed = lines.length - 1;
  if (listed === 0 && used + reserve > budget) return '';
  if (listed < fresh.length) lines.push(noteFor(fresh.length - listed));
  return lines.join('\n');
}

/** Longest message shown in a list of findings; the annotation and the comment show it whole. */
const MAX_LISTED_MESSAGE = 500;

/** One finding as a list item: "- ❌ `src/server.ts:12` Port binding (VII): … `rule-id`". */
export function findingLine(finding: Finding): string {
  const message = inlineMarkdown(shorten(finding.message, MAX_LISTED_MESSAGE));
  return `- ${SEVERITY_EMOJI[finding.severity]} ${codeSpan(`${finding.path}:${finding.line}`)} ${message} <sub>${codeSpan(finding.ruleId)}</sub>`;
}

const SKIP_REASONS: Readonly<Record<SkippedFile['reason'], string>> = {
  unparsable: 'could not be parsed',
  'too-large': 'over 1 MiB',
  binary: 'binary',
  ignored: 'ignored by configuration',
  generated: 'generated',
  vendored: 'vendored',
};

/** The order skipped files are listed in: the surprising reasons first. */
const SKIP_ORDER = Object.keys(SKIP_REASONS) as SkippedFile['reason'][];

/** Longest skip detail shown (a parser error can be long and say little more after its start). */
const MAX_SKIP_DETAIL = 200;

function skippedSection(report: Report): string {
  const skipped = [...report.skipped].sort(
    (a, b) => SKIP_ORDER.indexOf(a.reason) - SKIP_ORDER.indexOf(b.reason) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const count = Math.max(report.summary.filesSkipped, skipped.length);
  if (count === 0) return '';
  const byReason = SKIP_ORDER.map((reason) => [reason, skipped.filter((file) => file.reason === reason).length] as const)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${SKIP_REASONS[reason]}`);
  const lead = `### Skipped files\n\n${plural(count, 'file was', 'files were')} not analysed${byReason.length > 0 ? `: ${byReason.join(', ')}` : ''}.`;
  if (skipped.length === 0) return lead;
  const items = skipped.slice(0, MAX_LISTED_SKIPPED_FILES).map((file) => {
    const detail = file.detail ? `: ${inlineMarkdown(shorten(file.detail, MAX_SKIP_DETAIL))}` : '';
    return `- ${codeSpan(file.path)} — ${SKIP_REASONS[file.reason]}${detail}`;
  });
  if (skipped.length > MAX_LISTED_SKIPPED_FILES) items.push(`- …and ${skipped.length - MAX_LISTED_SKIPPED_FILES} more`);
  return `${lead}\n\n<details><summary>Skipped files</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** Changed files the review could not read, each with its reason: never counted as clean. */
function notReviewedSection(report: Report): string {
  const unread = unreadChangedFiles(report);
  if (unread === 0) return '';
  const items = report.notReviewed.slice(0, MAX_LISTED_UNREAD_FILES).map((file) => `- ${codeSpan(file.path)} — ${inlineMarkdown(unreadReason(file))}`);
  if (report.notReviewed.length > MAX_LISTED_UNREAD_FILES) items.push(`- …and ${report.notReviewed.length - MAX_LISTED_UNREAD_FILES} more`);
  if (report.unlisted > 0) {
    items.push(`- ${plural(report.unlisted, 'more changed file')}, left out of GitHub's listing of the pull request's files (it lists at most 3,000)`);
  }
  return `### Not reviewed\n\n${plural(unread, 'changed file was', 'changed files were')} not reviewed: their findings, if any, are missing from this review.\n\n${items.join('\n')}`;
}

/** Repository files rules read beyond the changed files but could not: their findings are withheld, not guessed. */
function unreadRepositorySection(report: Report): string {
  const files = report.unreadRepositoryFiles;
  if (files.length === 0) return '';
  const items = files.slice(0, MAX_LISTED_UNREAD_FILES).map((file) => {
    const rules = file.rules.length > 0 ? ` — findings of ${file.rules.map((rule) => codeSpan(rule)).join(', ')} withheld` : '';
    return `- ${codeSpan(file.path)} — ${inlineMarkdown(unreadReason(file))}${rules}`;
  });
  if (files.length > MAX_LISTED_UNREAD_FILES) items.push(`- …and ${files.length - MAX_LISTED_UNREAD_FILES} more`);
  return `### Repository files not read\n\nRules read these beyond the changed files; what depends on them was not judged rather than guessed.\n\n${items.join('\n')}`;
}

/** Changed code only secret scanning read, by language. */
function secretsOnlySection(report: Report): string {
  if (report.secretsOnly.length === 0) return '';
  return `### Secrets only\n\n${report.secretsOnly.map((group) => `- ${secretsOnlyLine(group)}`).join('\n')}`;
}

/** White space folded, and at most `max` code points (an ellipsis marks a cut). */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const codePoints = Array.from(flat);
  return codePoints.length <= max ? flat : `${codePoints.slice(0, max - 1).join('')}…`;
}

function configSection(context: SummaryContext): string {
  const { config } = context;
  const rules = Object.entries(config.rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ignore = config.ignore.slice(0, MAX_LISTED_IGNORE_GLOBS).map((glob) => codeSpan(glob));
  if (config.ignore.length > MAX_LISTED_IGNORE_GLOBS) ignore.push(`and ${config.ignore.length - MAX_LISTED_IGNORE_GLOBS} more`);
  const ruleSettings = rules.slice(0, MAX_LISTED_RULE_SETTINGS).map(([id, setting]) => `${codeSpan(id)} ${setting}`);
  if (rules.length > MAX_LISTED_RULE_SETTINGS) ruleSettings.push(`and ${rules.length - MAX_LISTED_RULE_SETTINGS} more`);
  const comments = config.comments.enabled
    ? `on, at most ${config.comments.max} per review, suggestions ${config.comments.suggestions ? 'on' : 'off'}`
    : 'off';
  const lines = [
    '### Configuration',
    '',
    `Source: ${inlineMarkdown(context.configSource ?? 'defaults')}`,
    '',
    `- \`fail_on\`: \`${config.failOn}\``,
    `- \`rules\`: ${ruleSettings.length === 0 ? 'defaults' : ruleSettings.join(', ')}`,
    `- \`factors\` off: ${config.factorsOff.length === 0 ? 'none' : [...config.factorsOff].sort((a, b) => a - b).map((factor) => factorLabel(factor as Factor)).join(', ')}`,
    `- \`ignore\`: ${ignore.length === 0 ? 'defaults only' : ignore.join(', ')}`,
    `- \`comments\`: ${comments}`,
    `- \`review_drafts\`: ${config.reviewDrafts ? 'drafts are reviewed' : 'drafts are skipped'}`,
  ];
  if (config.secrets.allow.length > 0) lines.push(`- \`secrets.allow\`: ${plural(config.secrets.allow.length, 'pattern')}`);
  return lines.join('\n');
}

function footer(report: Report): string {
  return `<sub>${plural(report.summary.filesScanned, 'file')} scanned in ${report.summary.durationMs} ms.</sub>`;
}
