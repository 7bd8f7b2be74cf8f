import { createHash } from 'node:crypto';

/**
 * Identity of a finding that survives unrelated edits: rule, path, the flagged lines with
 * white space folded, and which occurrence of that same content it is. Line numbers are left
 * out on purpose so that a finding keeps its fingerprint when lines above it move.
 */
export function fingerprintOf(ruleId: string, filePath: string, flaggedText: string, occurrence: number): string {
  const normalised = flaggedText.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${filePath}\0${normalised}\0${occurrence}`).digest('hex').slice(0, 32);
}
