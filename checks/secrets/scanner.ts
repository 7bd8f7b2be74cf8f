import type { CheckContext, Detector } from '../define-check.ts';
import type { FileKind } from '../../src/engine/file-kind.ts';
import { ciphertextRanges, overlapsCiphertext } from './support/ciphertext.ts';
import { isBenignShape, isDocumentedExample, isDottedName, isExampleFile, isPlaceholder, isReference } from './support/allowlist.ts';
import { azureKeys, googleApiKeys, jsonWebTokens, privateKeys, sendgridKeys, stripeKeys, twilioKeys } from './support/format-detectors.ts';
import { validateKind } from './support/kind-validators.ts';
import { keywordAssignments } from './support/keyword-assignments.ts';
import { prefilter, type Prefiltered, type Trigger } from './support/prefilter.ts';
import { maskSecret, PRIORITY, type Candidate, type SecretHit, type SecretKind } from './support/secret-kind.ts';
import { presetCandidates } from './support/secretlint-preset.ts';
import { urlCredentials } from './support/url-credentials.ts';

/** The file a scan reads: nothing but its path, kind and text. */
export interface ScannedFile {
  path: string;
  kind: FileKind;
  text: string;
}

/** Our own detectors, each behind the prefilter markers that can make it match. */
const FORMAT_DETECTORS: readonly (readonly [Trigger, (text: string) => Candidate[]])[] = [
  ['google', googleApiKeys],
  ['jwt', jsonWebTokens],
  ['azure', azureKeys],
  ['twilio', twilioKeys],
  ['stripe', stripeKeys],
  ['sendgrid', sendgridKeys],
  ['private-key', privateKeys],
];

/**
 * Kinds judged by their own validation instead of the placeholder test: key material (base64
 * runs like `AAAAAA` are normal there) and account ids (all digits).
 */
const OWN_PLACEHOLDER_TEST: ReadonlySet<SecretKind> = new Set(['private-key', 'gcp-service-account-key', 'jwt', 'aws-account-id']);

/** Documentation announcing an example on the same line. */
const EXAMPLE_LINE = /\be\.g\.|\bfor example\b|\bexamples?\b|\bsample\b|\bsuch as\b|\blooks? like\b|\bwill be like\b/i;

/** A vendor prefix (`ghp_`, `sk_live_`, `xoxb-`, `SG.`, `tskey-auth-`) is not judged as a placeholder. */
const VENDOR_PREFIX = /^[A-Za-z]{2,10}(?:[_-][A-Za-z]{2,10}){0,2}[_.-]/;

/**
 * Finds every secret in one file: a prefilter pass, then only the secretlint preset rules and
 * our own detectors its markers call for, then validation, allowlists (ciphertext made to be
 * committed among them) and dedupe. The result
 * holds ranges and masked previews, never a secret value.
 */
export async function scanSecrets(file: ScannedFile, allowlist: readonly RegExp[]): Promise<SecretHit[]> {
  const seen = prefilter(file.text);
  if (seen.triggers.size === 0) return [];
  const candidates = [...(await presetCandidates(file.path, file.text, seen.triggers)), ...ownCandidates(file, seen)];
  if (candidates.length === 0) return [];
  const exampleFile = isExampleFile(file.path);
  const ciphertext = ciphertextRanges(file.text);
  const accepted = candidates.filter(
    (candidate) => !overlapsCiphertext(ciphertext, candidate.start, candidate.end) && accept(candidate, file.text, allowlist, exampleFile),
  );
  return dedupe(accepted).map(toHit);
}

function ownCandidates(file: ScannedFile, seen: Prefiltered): Candidate[] {
  const found: Candidate[] = [];
  for (const [trigger, detect] of FORMAT_DETECTORS) if (seen.triggers.has(trigger)) found.push(...detect(file.text));
  if (seen.urlLines.length > 0) found.push(...urlCredentials(file.text, seen.urlLines));
  if (seen.keywordLines.length > 0) found.push(...keywordAssignments(file, seen.keywordLines));
  return found;
}

function accept(candidate: Candidate, text: string, allowlist: readonly RegExp[], exampleFile: boolean): boolean {
  const { value } = candidate;
  if (isDocumentedExample(value)) return false;
  if (allowlist.some((pattern) => matches(pattern, value))) return false;
  if (!validateKind(candidate, text)) return false;
  if (!OWN_PLACEHOLDER_TEST.has(candidate.kind)) {
    const body = candidate.body ?? (candidate.priority >= PRIORITY.format ? value.replace(VENDOR_PREFIX, '') : value);
    if (isPlaceholder(body) || isReference(value)) return false;
  }
  if (candidate.generic && (isBenignShape(value) || isDottedName(value))) return false;
  // Example files and example lines ("e.g. ghp_…") hold example values by convention; only a checksum proves one real.
  if (candidate.verified === true) return true;
  return !exampleFile && !EXAMPLE_LINE.test(lineOf(text, candidate.start));
}

function lineOf(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(text.lastIndexOf('\n', offset) + 1, end === -1 ? text.length : end);
}

function matches(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}

/** One report per secret: where detections overlap, the more specific one stays. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    if (!kept.some((other) => other.start < candidate.end && candidate.start < other.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toHit(candidate: Candidate): SecretHit {
  const hit: SecretHit = {
    kind: candidate.kind,
    start: candidate.start,
    end: candidate.end,
    messageId: candidate.messageId ?? 'found',
    data: { ...candidate.data, preview: maskSecret(candidate.value) },
  };
  if (candidate.severity) hit.severity = candidate.severity;
  return hit;
}

/**
 * The detector of one `secrets/<kind>` rule: every kind shares one memoised scan per file, so
 * secretlint and our detectors run once however many kinds are enabled.
 */
export function detectSecrets<MessageId extends string>(kind: SecretKind): Detector<MessageId> {
  return { kinds: 'all', needs: 'text', detect: async (context: CheckContext<MessageId>) => {
    const hits = await context.perFile('secrets:scan', () =>
      scanSecrets({ path: context.path, kind: context.kind, text: context.text }, context.settings.secretAllowlist),
    );
    for (const hit of hits) {
      if (hit.kind !== kind) continue;
      context.report({
        range: [hit.start, hit.end],
        messageId: hit.messageId as MessageId,
        data: hit.data,
        ...(hit.severity ? { severity: hit.severity } : {}),
      });
    }
  } };
}
