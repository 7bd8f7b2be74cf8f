import type { Finding, Report } from '../engine/finding.ts';
import { fileKindOf } from '../engine/file-kind.ts';
import { findingLine } from './markdown.ts';
import {
  bySeverity,
  codeSpan,
  fitToLimit,
  gitHubLength,
  inlineMarkdown,
  longestBacktickRun,
  plural,
  SEVERITY_EMOJI,
  severityBreakdown,
} from './markdown-text.ts';
import { factorLabel, factorOf, ruleInfo } from './rule-info.ts';

/**
 * GitHub rejects a longer comment or review body with 422 "Body is too long (maximum is 65536
 * characters)" (REST API, pull request reviews and review comments). Measured in UTF-8 bytes.
 */
export const MAX_COMMENT_BODY_LENGTH = 65_536;

/** New findings listed in a review's body; the check run lists and annotates the rest. */
export const MAX_REVIEW_BODY_FINDINGS = 50;

const MARKER_PREFIX = 'twelve-factor-review:fingerprint=';
const MARKER = /<!--\s*twelve-factor-review:fingerprint=([^\s>]+)\s*-->/g;

/** Hidden marker of the review's top-level body, so the App can recognise its own reviews. */
export const REVIEW_BODY_MARKER = '<!-- twelve-factor-review:review -->';

/** The hidden marker carrying a finding's fingerprint (percent-encoded, so it cannot close the comment). */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- ${MARKER_PREFIX}${encodeURIComponent(fingerprint)} -->`;
}

/**
 * The body of one inline review comment: factor, severity and rule; the message; why it
 * matters; how to fix it; a ```` ```suggestion ```` block with the rule's replacement when
 * there is one and `options.suggestions` is on; how to silence it; and the hidden fingerprint
 * marker that `fingerprintOfComment` reads back. A suggestion replaces the lines
 * `finding.line`..`finding.endLine`, so a multi-line finding's comment must span those lines
 * (`start_line`/`line`). Secret findings never get a suggestion (it would echo the line).
 */
export function renderReviewComment(finding: Finding, options: { suggestions: boolean }): string {
  const info = ruleInfo(finding.ruleId);
  const factor = factorOf(finding);
  const heading = factor === 0 ? factorLabel(0) : `Twelve-Factor ${factorLabel(factor)}`;
  const parts = [
    `**${SEVERITY_EMOJI[finding.severity]} ${heading}** · ${finding.severity} · ${codeSpan(finding.ruleId)}`,
    inlineMarkdown(finding.message),
  ];
  if (info?.description) parts.push(`**Why it matters:** ${inlineMarkdown(info.description)}`);
  if (info?.fix) parts.push(`**How to fix:** ${inlineMarkdown(info.fix)}`);
  const suggestion = options.suggestions && finding.fix && !finding.ruleId.startsWith('secrets/') ? suggestionBlock(finding.fix.replacement) : '';
  const silence = silenceHint(finding);
  const marker = fingerprintMarker(finding.fingerprint);
  const withSuggestion = [...parts, suggestion, silence, marker].filter(Boolean).join('\n\n');
  if (gitHubLength(withSuggestion) <= MAX_COMMENT_BODY_LENGTH) return withSuggestion;
  // Too long for GitHub: a cut suggestion would be a wrong edit, so drop it whole first.
  const tail = [suggestion ? '_The suggested change is too long for a review comment._' : '', silence, marker].filter(Boolean).join('\n\n');
  const head = fitToLimit(parts.join('\n\n'), MAX_COMMENT_BODY_LENGTH - gitHubLength(tail) - 2, '_(shortened)_');
  return `${head}\n\n${tail}`;
}

/** A GitHub suggestion block; the fence outgrows any backtick run inside the replacement. */
function suggestionBlock(replacement: string): string {
  const longestRun = longestBacktickRun(replacement);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const body = replacement === '' ? '' : `${replacement.replace(/\r\n/g, '\n')}\n`;
  return `${fence}suggestion\n${body}${fence}`;
}

/** How to silence this finding on its line, in the file's comment syntax. */
function silenceHint(finding: Finding): string {
  if (factorOf(finding) === 0) return '';
  const isSecret = finding.ruleId.startsWith('secrets/');
  const allow = 'add a pattern matching the value to `secrets.allow` in `.github/twelve-factor.yml`';
  const leader = commentLeader(finding.path);
  if (leader === undefined) {
    return isSecret
      ? `<sub>Not a real credential? JSON has no comments: ${allow}.</sub>`
      : `<sub>Not applicable here? JSON has no comments: set ${codeSpan(`${finding.ruleId}: off`)} under \`rules\` in \`.github/twelve-factor.yml\`, or add the file to \`ignore\`.</sub>`;
  }
  const directive = `${leader} twelve-factor-ignore-next-line ${finding.ruleId} -- <reason>${leader === '<!--' ? ' -->' : ''}`;
  return isSecret
    ? `<sub>Not a real credential? Put ${codeSpan(directive)} on the line above, or ${allow}.</sub>`
    : `<sub>Not applicable here? Put ${codeSpan(directive)} on the line above.</sub>`;
}

const SLASH_COMMENT_EXTENSIONS = /\.(?:c|cc|cpp|cs|go|h|hpp|java|kt|kts|php|rs|scala|swift)$/i;

/** The line-comment leader that suppressions are recognised after; undefined for JSON. */
function commentLeader(filePath: string): string | undefined {
  const kind = fileKindOf(filePath);
  if (kind === 'json' || kind === 'package-json') return undefined;
  if (kind === 'javascript') return '//';
  if (kind !== 'text') return '#';
  if (/\.(?:md|markdown|html?|xml|svg)$/i.test(filePath)) return '<!--';
  if (/\.(?:sql|lua|hs)$/i.test(filePath)) return '--';
  return SLASH_COMMENT_EXTENSIONS.test(filePath) ? '//' : '#';
}

/** The fingerprint in a comment body written by `renderReviewComment`, or undefined. */
export function fingerprintOfComment(body: string): string | undefined {
  // The marker is written last: a quoted or echoed marker earlier in the body must not win.
  const encoded = Array.from(body.matchAll(MARKER)).at(-1)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/**
 * The top-level body of the review holding the inline comments: how many new issues, and the
 * new findings that did not get an inline comment (`overflow`: beyond `comments.max`, or not
 * on a line of the diff), listed up to MAX_REVIEW_BODY_FINDINGS and within GitHub's limit.
 */
export function renderReviewBody(report: Report, overflow: readonly Finding[]): string {
  const fresh = report.findings.filter((finding) => finding.status !== 'existing');
  const counts = fresh.length === 0 ? 'no new issues' : `${plural(fresh.length, 'new issue')} (${severityBreakdown(fresh)})`;
  const found = `**Twelve-Factor Review** found ${counts} in this pull request`;
  const fullReport = 'The **Twelve-Factor Review** check run has the full report.';
  if (overflow.length === 0) {
    return `${found}${fresh.length > 0 ? '; see the inline comments' : ''}. ${fullReport}\n\n${REVIEW_BODY_MARKER}`;
  }
  const note = (left: number) => `- …and ${left} more: see the check run's annotations.`;
  // The lead sentence is written after the list; it never needs more than this.
  const leadReserve = gitHubLength(found) + gitHubLength(fullReport) + 200;
  let used = leadReserve + gitHubLength(REVIEW_BODY_MARKER) + gitHubLength(note(overflow.length)) + 8;
  const lines: string[] = [];
  for (const finding of bySeverity(overflow)) {
    if (lines.length >= MAX_REVIEW_BODY_FINDINGS) break;
    const line = findingLine(finding);
    const cost = gitHubLength(line) + 1;
    if (used + cost > MAX_COMMENT_BODY_LENGTH) break;
    lines.push(line);
    used += cost;
  }
  const listed = lines.length;
  if (listed < overflow.length) lines.push(note(overflow.length - listed));
  const inline = Math.max(0, fresh.length - overflow.length);
  const placement = inline > 0 ? `${plural(inline, 'has an inline comment', 'have inline comments')}; ${overflow.length} did not get one` : 'None got an inline comment';
  const where = listed < overflow.length ? `the first ${listed} are listed below` : 'listed below';
  return `${found}. ${placement} — ${where}. ${fullReport}\n\n${lines.join('\n')}\n\n${REVIEW_BODY_MARKER}`;
}
