/**
 * Which detectors can possibly match a file, found in a few cheap passes instead of running
 * every detector: a file with no marker costs nothing more, and a file with a few markers runs
 * only the detectors they name. Every pass is a plain `indexOf` walk or a regular expression
 * whose first character is rare in code, so the cost stays a small fraction of one detector.
 */
export type Trigger =
  | 'aws-id'
  | 'account'
  | 'secret'
  | 'keyword'
  | 'url'
  | 'gcp-json'
  | 'private-key'
  | 'npm'
  | 'slack'
  | 'sk-dash'
  | 'groq'
  | 'huggingface'
  | 'linear'
  | 'notion'
  | 'sendgrid'
  | 'shopify'
  | 'stripe'
  | 'github'
  | 'gitlab'
  | 'grafana'
  | '1password'
  | 'vault'
  | 'vercel'
  | 'databricks'
  | 'docker'
  | 'figma'
  | 'cloudflare'
  | 'tailscale'
  | 'google'
  | 'jwt'
  | 'azure'
  | 'twilio';

/** Vendor prefixes that end in `_`, by the word before the `_` (and what must follow it). */
const UNDERSCORE_PREFIXES: Readonly<Record<string, Trigger | readonly [string, Trigger]>> = {
  ghp: 'github',
  gho: 'github',
  ghu: 'github',
  ghs: 'github',
  ghr: 'github',
  github: ['pat_', 'github'],
  npm: 'npm',
  gsk: 'groq',
  hf: 'huggingface',
  lin: ['api_', 'linear'],
  ntn: 'notion',
  shppa: 'shopify',
  shpca: 'shopify',
  shpat: 'shopify',
  shpss: 'shopify',
  sk: 'stripe',
  rk: 'stripe',
  whsec: 'stripe',
  glc: 'grafana',
  glsa: 'grafana',
  ops: ['ey', '1password'],
  vcp: 'vercel',
  vci: 'vercel',
  vca: 'vercel',
  vcr: 'vercel',
  vck: 'vercel',
  dckr: ['pat_', 'docker'],
  figd: 'figma',
  cfk: 'cloudflare',
  cfut: 'cloudflare',
  cfat: 'cloudflare',
  private: ['key_id', 'gcp-json'],
};

/** Vendor prefixes that end in `-`. */
const DASH_PREFIXES: Readonly<Record<string, Trigger | readonly [string, Trigger]>> = {
  sk: 'sk-dash',
  xoxb: 'slack',
  xoxp: 'slack',
  xoxa: 'slack',
  xoxo: 'slack',
  xoxr: 'slack',
  xoxe: 'slack',
  xapp: 'slack',
  glpat: 'gitlab',
  tskey: 'tailscale',
  x: ['oauth-basic', 'npm'],
};

/** Markers without a separator; each alternative starts with a capital letter or a rare pair. */
const MARKERS = /A(?:KIA|GPA|IDA|ROA|IPA|NPA|NVA|SIA|3T[A-Z0-9]|Iza|ccountKey=)|S(?:K[0-9a-f]{32}|haredAccessKey=|G\.)|PRIVATE KEY|eyJ|dapi|hv[sbr]\.|_authToken/g;

/** Lower-cased secret words; `key` (too common for the regular expression) is walked apart. */
const KEYWORDS = /pass|pwd|secret|token|credential|account/g;
const KEY_QUALIFIER = /(?:api|access|private|signing|encryption|master|app|client|auth|license|service|subscription|consumer|shared|session)[_.-]?$/;

/** A half-open character range `[start, end)` of one line, without its terminator. */
export type LineRange = readonly [number, number];

export interface Prefiltered {
  triggers: ReadonlySet<Trigger>;
  /** Lines holding a secret-sounding word (`password`, `token`, `api_key`…). */
  keywordLines: readonly LineRange[];
  /** Lines holding `://`. */
  urlLines: readonly LineRange[];
}

/** A few cheap passes over `text`: which detectors may match, and on which lines. */
export function prefilter(text: string): Prefiltered {
  const triggers = new Set<Trigger>();
  vendorPrefixes(text, '_', UNDERSCORE_PREFIXES, triggers);
  vendorPrefixes(text, '-', DASH_PREFIXES, triggers);
  for (const match of text.matchAll(MARKERS)) triggers.add(markerTrigger(match[0]));
  const keywordLines = keywordLinesOf(text, triggers);
  const urlLines: LineRange[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    const last = urlLines.at(-1);
    if (last && at < last[1]) continue;
    const line = lineAround(text, at);
    urlLines.push(line);
    const lineText = text.slice(line[0], line[1]);
    if (lineText.includes('hooks.slack.com')) triggers.add('slack');
    if (lineText.includes('sig=')) triggers.add('azure');
  }
  if (urlLines.length > 0) triggers.add('url');
  return { triggers, keywordLines, urlLines };
}

/** Checks the word before each `separator` against known vendor prefixes. */
function vendorPrefixes(
  text: string,
  separator: string,
  prefixes: Readonly<Record<string, Trigger | readonly [string, Trigger]>>,
  triggers: Set<Trigger>,
): void {
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
    let start = at;
    while (start > 0 && at - start < 8 && isWordCode(text.charCodeAt(start - 1))) start--;
    if (start === at || (start > 0 && isWordCode(text.charCodeAt(start - 1)))) continue;
    const entry = prefixes[text.slice(start, at)];
    if (entry === undefined) continue;
    if (typeof entry === 'string') triggers.add(entry);
    else if (text.startsWith(entry[0], at + 1)) triggers.add(entry[1]);
  }
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function markerTrigger(marker: string): Trigger {
  if (marker.startsWith('AI')) return marker === 'AIza' ? 'google' : 'aws-id';
  if (marker.startsWith('A')) return marker.startsWith('Acc') ? 'azure' : 'aws-id';
  if (marker.startsWith('SK')) return 'twilio';
  if (marker.startsWith('Sh')) return 'azure';
  if (marker === 'SG.') return 'sendgrid';
  if (marker === 'PRIVATE KEY') return 'private-key';
  if (marker === 'eyJ') return 'jwt';
  if (marker === 'dapi') return 'databricks';
  if (marker === '_authToken') return 'npm';
  return 'vault';
}

/** Lines with secret words, found in a lower-cased copy (one case-sensitive pass is cheaper). */
function keywordLinesOf(text: string, triggers: Set<Trigger>): LineRange[] {
  const lower = text.toLowerCase();
  const found: number[] = [];
  for (const match of lower.matchAll(KEYWORDS)) {
    if (match[0] === 'account') {
      triggers.add('account');
      continue;
    }
    if (match[0] === 'secret') triggers.add('secret');
    found.push(match.index);
  }
  for (let at = lower.indexOf('key'); at !== -1; at = lower.indexOf('key', at + 3)) {
    // `key` counts only after a qualifier: `api_key`, `secretKey`, `PRIVATE-KEY`.
    if (KEY_QUALIFIER.test(lower.slice(Math.max(0, at - 13), at))) found.push(at);
  }
  if (found.length === 0) return [];
  triggers.add('keyword');
  found.sort((a, b) => a - b);
  const lines: LineRange[] = [];
  for (const at of found) {
    const last = lines.at(-1);
    if (!last || at >= last[1]) lines.push(lineAround(text, at));
  }
  return lines;
}

function lineAround(text: string, offset: number): LineRange {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return [start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end];
}
