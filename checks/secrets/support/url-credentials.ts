import { PRIORITY, type Candidate } from './secret-kind.ts';
import { characterClasses } from './value-shape.ts';

/**
 * `scheme://user:password@host` in any scheme — postgres, mysql, mongodb(+srv), redis(s) with an
 * empty user (`redis://:pass@`), amqp(s), nats, kafka, smtp, ftp, http(s) basic auth, jdbc:… —
 * bounded so that a long line cannot make it backtrack.
 */
const URL_WITH_PASSWORD =
  /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/?#'"`<>\\]{0,128}):([^\s@/?#'"`<>\\]{1,256})@([^\s/?#'"`<>\\,;)]{1,253})/gi;

/** The user of `https://<token>:x-oauth-basic@github.com` is the credential. */
const TOKEN_AS_USER = new Set(['x-oauth-basic']);

/** Credentials embedded in connection URLs on the lines `[start, end)` of `text`. */
export function urlCredentials(text: string, lines: readonly (readonly [number, number])[]): Candidate[] {
  const found: Candidate[] = [];
  for (const [lineStart, lineEnd] of lines) {
    // Each line on its own: a search from a line start would otherwise run on to the end of the file.
    for (const match of text.slice(lineStart, lineEnd).matchAll(URL_WITH_PASSWORD)) {
      const [, scheme, user, password] = match as unknown as [string, string, string, string];
      const at = lineStart + match.index;
      const tokenAsUser = TOKEN_AS_USER.has(password.toLowerCase());
      const candidate = tokenAsUser
        ? { value: user, start: at + scheme.length + 3 }
        : { value: password, start: at + scheme.length + 3 + user.length + 1 };
      if (!isCredential(decode(candidate.value), tokenAsUser ? '' : decode(user))) continue;
      found.push({
        kind: 'connection-string-credentials',
        start: candidate.start,
        end: candidate.start + candidate.value.length,
        value: candidate.value,
        data: { scheme: scheme.toLowerCase() },
        priority: PRIORITY.url,
      });
    }
  }
  return found;
}

/**
 * A password worth reporting: not the user name again (`postgres:postgres`), and long and
 * varied enough to be a real one rather than a development default.
 */
export function isCredential(password: string, user: string): boolean {
  if (password === user) return false;
  return (password.length >= 8 && characterClasses(password) >= 2) || password.length >= 12;
}

/** Percent-decoded text, or the text itself when it is not valid percent-encoding. */
export function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
