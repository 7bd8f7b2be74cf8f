import { PRIORITY, type Candidate } from './secret-kind.ts';
import { isBase64, looksRandom, shannonEntropy } from './value-shape.ts';

/*
 * Vendor formats the recommended secretlint preset misses or matches too narrowly. Each
 * detector runs only when the prefilter saw its marker, and validates what it matches.
 */

const GOOGLE_API_KEY = /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g;

/** Google API keys (`AIza` + 35): Maps, Firebase, YouTube… */
export function googleApiKeys(text: string): Candidate[] {
  return matches(text, GOOGLE_API_KEY).map(({ start, value }) => ({
    kind: 'google-api-key',
    start,
    end: start + value.length,
    value,
    body: value.slice(4),
    priority: PRIORITY.format,
  }));
}

const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{20,2000}(?![A-Za-z0-9_-])/g;
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'role', 'scope', 'email', 'uid', 'user_id'];
const STAND_IN_PAYLOAD = /\b(?:example|test(?:ing)?|dummy|fake|sample|lorem|placeholder)\b|john doe|jane doe|"(?:foo|bar)"/i;

/**
 * Signed JWTs whose payload looks real: a JSON header with an algorithm other than `none`, a
 * JSON payload with registered claims and no example values, and a signature. Supabase `anon`
 * keys are public by design and stay quiet.
 */
export function jsonWebTokens(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { start, value } of matches(text, JWT)) {
    const [headerPart, payloadPart] = value.split('.');
    const header = decodeJson(headerPart!);
    const payloadText = decodeText(payloadPart!);
    const payload = payloadText === undefined ? undefined : parseObject(payloadText);
    if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') continue;
    if (!payload || !REGISTERED_CLAIMS.some((claim) => claim in payload)) continue;
    if (STAND_IN_PAYLOAD.test(payloadText!) || payload.role === 'anon' || hasToyTimestamps(payload)) continue;
    if (isPrintableText(Buffer.from(value.split('.')[2]!, 'base64url'))) continue;
    found.push({ kind: 'jwt', start, end: start + value.length, value, body: payloadPart!, priority: PRIORITY.format });
  }
  return found;
}

/** Seconds since 1970 below 10^9 (before 2001): a hand-made test token (`"exp": 570`). */
function hasToyTimestamps(payload: Record<string, unknown>): boolean {
  return ['iat', 'exp', 'nbf'].some((claim) => typeof payload[claim] === 'number' && (payload[claim] as number) < 1_000_000_000);
}

/** A real signature is random bytes; `c2lnbmF0dXJl…` decodes to the word "signature". */
function isPrintableText(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte >= 0x20 && byte < 0x7f);
}

const AZURE_KEY = /(?<![A-Za-z])(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,120}={0,2})(?![A-Za-z0-9+/=])/g;
const AZURE_SAS = /[?&]sv=\d{4}-\d{2}-\d{2}[^\s"'`]*?[?&]sig=([A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})/g;

/** Azure storage / Service Bus connection-string keys and SAS signatures. */
export function azureKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of [AZURE_KEY, AZURE_SAS]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1]!;
      const start = match.index + match[0].length - value.length;
      if (shannonEntropy(value) < 4) continue;
      found.push({ kind: 'azure-connection-string', start, end: start + value.length, value, priority: PRIORITY.format });
    }
  }
  return found;
}

const TWILIO_API_KEY = /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/g;

/** Twilio API key SIDs (`SK` + 32 hex). Auth tokens are found by name, as keyword assignments. */
export function twilioKeys(text: string): Candidate[] {
  return matches(text, TWILIO_API_KEY)
    .filter(({ value }) => looksRandom(value.slice(2)))
    .map(({ start, value }) => ({
      kind: 'twilio-credentials',
      start,
      end: start + value.length,
      value,
      body: value.slice(2),
      priority: PRIORITY.format,
    }));
}

const STRIPE_KEY = /(?<![A-Za-z0-9])(?:(?:sk|rk)_(live|test)_[A-Za-z0-9]{24,247}|whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9+/=])/g;

/**
 * Stripe secret and restricted keys of any length (live keys reach well past the preset's 99
 * characters) and webhook signing secrets. Test-mode keys only reach test data: a notice.
 */
export function stripeKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(STRIPE_KEY)) {
    const value = match[0];
    const mode = match[1];
    const prefixLength = mode === undefined ? 'whsec_'.length : 'sk_live_'.length;
    const candidate: Candidate = {
      kind: 'stripe-key',
      start: match.index,
      end: match.index + value.length,
      value,
      body: value.slice(prefixLength),
      priority: PRIORITY.format,
      messageId: mode === undefined ? 'webhook' : mode,
    };
    if (mode === 'test') candidate.severity = 'notice';
    found.push(candidate);
  }
  return found;
}

const SENDGRID_KEY = /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** SendGrid API keys: `SG.` + 22 + `.` + 43 base64url characters, `-` included. */
export function sendgridKeys(text: string): Candidate[] {
  return matches(text, SENDGRID_KEY).map(({ start, value }) => ({
    kind: 'sendgrid-api-key',
    start,
    end: start + value.length,
    value,
    body: value.slice(3),
    priority: PRIORITY.format,
  }));
}

const PRIVATE_KEY_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----/g;
const ARMOR_HEADER = /^[ \t]*[A-Za-z-]+:[^\n]*$/gm;
/** The CRC-24 line that ends a PGP armored block (`=AbCd`). */
const ARMOR_CHECKSUM = /^[ \t]*=[A-Za-z0-9+/]{4}[ \t]*$/gm;
/** A PEM body is at most a few KiB; 16 KiB also covers RSA-8192 and PGP key blocks. */
const MAX_KEY_BODY = 16_384;
/** The smallest real private key body: Ed25519 in PKCS#8, 64 base64 characters. */
const MIN_KEY_BODY = 64;

/**
 * PEM and PGP private key blocks of any algorithm (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted),
 * also inside JSON strings with `\n` escapes. The body must be long, high-entropy base64: a
 * `...` or `<your key>` body is a placeholder. The range covers the whole block.
 */
export function privateKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const begin of text.matchAll(PRIVATE_KEY_BEGIN)) {
    const bodyStart = begin.index + begin[0].length;
    const endMarker = text.indexOf('-----END ', bodyStart);
    if (endMarker === -1 || endMarker - bodyStart > MAX_KEY_BODY) continue;
    const endOfEnd = text.indexOf('-----', endMarker + 9);
    if (endOfEnd === -1) continue;
    const raw = text.slice(bodyStart, endMarker);
    const body = raw
      .replace(/\\[nrt]/g, '\n')
      .replace(ARMOR_HEADER, '')
      .replace(ARMOR_CHECKSUM, '')
      // String concatenation across lines in code: `'MIIE…' +\n  'Qx9…'`.
      .replace(/["'`]\s*\+\s*["'`]/g, '')
      .replace(/["'`,\s\\]/g, '');
    if (body.length < MIN_KEY_BODY || !isBase64(body) || shannonEntropy(body) < 4.5) continue;
    const end = endOfEnd + 5;
    const value = text.slice(begin.index, end);
    found.push({ kind: 'private-key', start: begin.index, end, value, body, data: { type: privateKeyType(value) }, priority: PRIORITY.format });
  }
  return found;
}

/** What a PEM header says about a key: `RSA`, `EC`, `OPENSSH`, `PGP`, `ENCRYPTED`, or `PKCS#8` when it says nothing. */
export function privateKeyType(block: string): string {
  const label = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY/.exec(block)?.[1]?.trim();
  return label ? label : 'PKCS#8';
}

function matches(text: string, pattern: RegExp): { start: number; value: string }[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, value: match[0] }));
}

function decodeText(part: string): string | undefined {
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return undefined;
  }
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const decoded = decodeText(part);
  return decoded === undefined ? undefined : parseObject(decoded);
}

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
