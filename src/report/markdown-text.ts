import type { Finding, Severity } from '../engine/finding.ts';

/** Markdown building blocks shared by the check-run summary and the review comments. */

/** One emoji per severity, used wherever GitHub renders markdown. */
export const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/**
 * The length GitHub may count for a text, measured in UTF-8 bytes: GitHub documents its limits
 * in "characters" without saying which kind, and bytes are never fewer than code points or
 * UTF-16 code units, so a text that fits in bytes fits under every reading.
 */
export function gitHubLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Cuts `text` at a line boundary so that it plus `note` fits in `limit` (see `gitHubLength`).
 * A safety net behind the reporters' own budgeting; returns `text` unchanged when it fits.
 */
export function fitToLimit(text: string, limit: number, note: string): string {
  if (gitHubLength(text) <= limit) return text;
  const budget = limit - gitHubLength(note) - 2;
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = gitHubLength(line) + 1;
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  return `${kept.join('\n')}\n\n${note}`;
}

/** `count word`, with the plural form when count is not 1. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "1 error, 2 warnings": the non-zero severity counts of `findings`, highest first. */
export function severityBreakdown(findings: readonly Pick<Finding, 'severity'>[]): string {
  return SEVERITY_ORDER.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => plural(count, severity))
    .join(', ');
}

/** Orders by severity (errors first), keeping the given order within one severity. */
export function bySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** Length of the longest run of backticks in `text` (0 when there is none). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** A code span that shows `text` verbatim whatever backticks it holds; newlines become spaces. */
export function codeSpan(text: string, options: { table?: boolean } = {}): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longestRun = longestBacktickRun(flat);
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ` ${flat} ` : flat;
  const span = `${fence}${padded}${fence}`;
  return options.table ? span.replace(/\|/g, '\\|') : span;
}

const PUNCTUATION_TO_ESCAPE = /[\\*_[\]<>|~&]/g;
/** An @-mention outside code would notify a user or a team (`@org/team`): it is shown as code. */
const MENTION = /(?<![\w`])@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9_.-]+)?/g;

/**
 * Rule text (messages, descriptions, fixes) as one line of markdown that renders exactly as
 * written: code spans are kept, everything else is escaped so that `<tag>`, `*`, `_` or `|`
 * are shown rather than interpreted, and @-mentions cannot notify anyone.
 * `table` also escapes pipes inside code spans (GitHub tables split cells on them).
 */
export function inlineMarkdown(text: string, options: { table?: boolean } = {}): string {
  const flat = text.replace(/\r?\n/g, ' ');
  let result = '';
  let position = 0;
  while (position < flat.length) {
    const open = flat.indexOf('`', position);
    if (open === -1) {
      result += escapePlain(flat.slice(position));
      break;
    }
    result += escapePlain(flat.slice(position, open));
    const run = /^`+/.exec(flat.slice(open))![0];
    const close = findClosingRun(flat, open + run.length, run.length);
    if (close === -1) {
      result += '\\`'.repeat(run.length);
      position = open + run.length;
      continue;
    }
    const span = flat.slice(open, close + run.length);
    result += options.table ? span.replace(/\|/g, '\\|') : span;
    position = close + run.length;
  }
  return result;
}

/** Index of the next backtick run of exactly `length` from `from`, or -1 (CommonMark code spans). */
function findClosingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let match = runs.exec(text); match; match = runs.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}

function escapePlain(text: string): string {
  let result = '';
  let position = 0;
  for (const mention of text.matchAll(MENTION)) {
    result += escapePunctuation(text.slice(position, mention.index)) + `\`${mention[0]}\``;
    position = mention.index + mention[0].length;
  }
  return result + escapePunctuation(text.slice(position));
}

function escapePunctuation(text: string): string {
  return text.replace(PUNCTUATION_TO_ESCAPE, (character) => (character === '&' ? '&amp;' : `\\${character}`));
}
