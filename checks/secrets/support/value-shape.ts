/** Shannon entropy of `value` in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** How many of lower case, upper case, digits and other printable characters `value` mixes. */
export function characterClasses(value: string): number {
  return (
    Number(/[a-z]/.test(value)) +
    Number(/[A-Z]/.test(value)) +
    Number(/\d/.test(value)) +
    Number(/[^A-Za-z0-9\s]/.test(value))
  );
}

/**
 * True when `value` reads as machine-generated rather than as words: `access-token-cookie`,
 * `AuthorizationHeader` and `MY_APP_SECRET` are names, `9fQm2xLr0aTz…` is a key.
 */
export function looksRandom(value: string): boolean {
  const segments = value.split(/[-_.:/+=\s]+/).filter((segment) => segment !== '');
  if (segments.length > 1 && segments.every((segment) => /^[A-Za-z]+$/.test(segment))) return false;
  // An identifier with a numeric suffix (`SemicolonToken$1`, `existingtoken123`) is a name.
  if (/^[A-Za-z$_-]+\d{1,4}$/.test(value)) return false;
  const hasLetter = /[A-Za-z]/.test(value);
  if (!hasLetter) return false;
  if (/\d/.test(value)) return true;
  const letters = value.replace(/[^A-Za-z]/g, '');
  const upperShare = letters.replace(/[^A-Z]/g, '').length / letters.length;
  // Random base62 switches case everywhere; identifiers run lower case for whole words.
  return upperShare >= 0.2 && upperShare <= 0.8 && !/[a-z]{6}|[A-Z]{6}/.test(value);
}

/** Base64 (standard or URL-safe) text of at least `minimum` characters, padding allowed. */
export function isBase64(value: string, minimum = 1): boolean {
  return value.length >= minimum && /^[A-Za-z0-9+/_-]+={0,2}$/.test(value);
}
