import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Characters of a checksummed token's random part; the last 6 characters encode its CRC32. */
const CHECKSUMMED = /^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/;

/** `crc32` as 6 base62 digits (0-9A-Za-z), left-padded with `0`. */
export function base62Checksum(body: string): string {
  let value = crc32(body);
  let digits = '';
  while (value > 0) {
    digits = BASE62[value % 62]! + digits;
    value = Math.floor(value / 62);
  }
  return digits.padStart(6, '0');
}

/**
 * GitHub classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm access tokens (`npm_`)
 * end in a CRC32 of their 30 random characters, base62-encoded
 * (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/). Every real
 * token satisfies it; a hand-typed placeholder almost never does. Undefined when `token` does
 * not have that format.
 */
export function checksumMatches(token: string): boolean | undefined {
  if (!CHECKSUMMED.test(token)) return undefined;
  return base62Checksum(token.slice(4, -6)) === token.slice(-6);
}
