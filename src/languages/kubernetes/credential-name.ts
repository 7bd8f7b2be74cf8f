/*
 * Names of values that hold credentials (RULES-kubernetes.md, "Credential-like name"), judged on
 * the name's words: split at `_`, `-`, `.` and lower-to-upper case changes.
 */

const CREDENTIAL_ENDINGS = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'PASS', 'PWD', 'SECRET', 'TOKEN', 'CREDENTIALS', 'CREDENTIAL', 'APIKEY'];
const KEY_QUALIFIERS = new Set([
  'API', 'ACCESS', 'SECRET', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'MASTER', 'APP', 'CLIENT', 'AUTH', 'LICENSE', 'ACCOUNT',
  'SERVICE', 'SUBSCRIPTION', 'CONSUMER', 'SHARED', 'SESSION',
]);
/** Last words naming a non-secret part of a connection. */
const CONNECTION_PARTS = new Set(['USERNAME', 'USER', 'HOST', 'PORT', 'DATABASE', 'NAME']);

/** `dbPassword` → DB, PASSWORD; `API_KEY` → API, KEY; `redis.password` → REDIS, PASSWORD. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_.\-\s]+/)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());
}

/** True when the name says its value is a credential: `DB_PASSWORD`, `apiToken`, `STRIPE_SECRET_KEY`. */
export function isCredentialLikeName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (last === 'PWD' && words.length === 1) return false;
  if (CREDENTIAL_ENDINGS.some((ending) => last.endsWith(ending))) return true;
  return last === 'KEY' && words.length > 1 && KEY_QUALIFIERS.has(words.at(-2)!);
}

/** True for `username`, `host`, `port`, `database` and names ending in `_USER`, `_HOST`, `_NAME`…. */
export function isConnectionPartName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return false;
  return words.length === 1 ? last !== 'NAME' && CONNECTION_PARTS.has(last) : CONNECTION_PARTS.has(last);
}
