import { createHash } from 'node:crypto';
import { base62Checksum } from '../../../checks/secrets/support/token-checksum.ts';

/*
 * Fake credentials for the secret rules' tests, built at run time from a literal seed, so that
 * no test source holds a whole secret (the repository reviews itself, and so does GitHub's push
 * protection). The same seed always gives the same value.
 */

const ALPHABETS = {
  alnum: /[^A-Za-z0-9]/g,
  hex: /[^0-9a-f]/g,
  digits: /[^0-9]/g,
  letters: /[^A-Za-z]/g,
  upperDigits: /[^A-Z2-7]/g,
  base64: /[^A-Za-z0-9+/]/g,
  base64url: /[^A-Za-z0-9_-]/g,
} as const;

/** `length` characters of `alphabet` derived from `seed`: random-looking, deterministic. */
export function fakeBody(seed: string, length: number, alphabet: keyof typeof ALPHABETS = 'alnum'): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    const digest = createHash('sha512').update(`${seed}:${round}`).digest();
    const text = alphabet === 'hex' || alphabet === 'digits' ? digest.toString('hex') : alphabet === 'upperDigits' ? digest.toString('base64').toUpperCase() : digest.toString('base64');
    const mapped = alphabet === 'base64url' ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
    out += mapped.replace(ALPHABETS[alphabet], '');
  }
  return out.slice(0, length);
}

/** A GitHub classic token (`ghp_`, `ghs_`…) whose CRC32 checksum holds, as real ones do. */
export function githubToken(seed: string, prefix = 'ghp'): string {
  const body = fakeBody(seed, 30);
  return `${prefix}_${body}${base62Checksum(body)}`;
}

/** An npm access token whose CRC32 checksum holds. */
export function npmToken(seed: string): string {
  const body = fakeBody(seed, 30);
  return `npm_${body}${base62Checksum(body)}`;
}
