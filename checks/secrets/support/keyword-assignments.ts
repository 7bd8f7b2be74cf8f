import type { FileKind } from '../../../src/engine/file-kind.ts';
import { PRIORITY, type Candidate, type SecretKind } from './secret-kind.ts';
import { characterClasses, looksRandom, shannonEntropy } from './value-shape.ts';

/**
 * `name = "value"`, `name: value`, `"name": "value"`, `name := "value"`, `'name' => 'value'`,
 * `NAME=value` — the assignment forms of code, YAML, JSON, .env, properties, INI/TOML,
 * Dockerfile `ENV`/`ARG` and compose `environment:` lists and maps. Group 1 is an optional
 * quote around the name, 2 the name, 3 the value (quoted or bare).
 */
const ASSIGNMENT =
  /(?<![\w$.])(["']?)([A-Za-z_$][\w.$-]{0,100})\1[ \t]*(?::=|=>|=(?![=~])|:(?![:/]))[ \t]*("(?:[^"\\\r\n]|\\.){0,512}"|'(?:[^'\\\r\n]|\\.){0,512}'|`[^`\r\n]{0,512}`|[^\s"'`,;&)}\]]{1,512})/g;

/** `<password>value</password>` in XML configuration. */
const XML_ELEMENT = /<([\w.-]{0,60}(?:password|passwd|secret|token|key))>([^<\s]{1,512})<\//gi;

/** Dockerfile's legacy `ENV NAME value` form (no `=`). */
const DOCKERFILE_LEGACY_ENV = /^[ \t]*ENV[ \t]+([A-Za-z_][\w.-]*)[ \t]+([^\s=][^\s]*)[ \t]*$/gim;

const PASSWORD_WORD = /^(?:[a-z]*password|[a-z]*passwd|pwd|pass|passphrase)$/;
const SECRET_WORD =
  /^(?:[a-z]*secret|[a-z]*token|[a-z]*apikey|credentials?|(?:access|secret|private|signing|encryption|master|app|client|auth|license|account|service|subscription|consumer|shared|session)key)$/;
const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'encryption', 'master', 'app', 'client', 'auth', 'license',
  'account', 'service', 'subscription', 'consumer', 'shared', 'session',
]);
/** Tokens that are protocol state, not credentials: pagination cursors, CSRF form tokens, lexer tokens. */
const NOT_CREDENTIAL_TOKENS: ReadonlySet<string> = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cancel', 'cancellation', 'csrf', 'xsrf', 'sync', 'cursor',
  'pagination', 'lexer', 'parser', 'max', 'min', 'num', 'count',
]);
/** Programming languages: there a bare value is an expression (`password=get_secret()`), not a literal. */
const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?|py|pyi|rb|go|java|kt|kts|scala|groovy|gradle|php|cs|fs|vb|swift|rs|c|cc|cpp|h|hpp|m|mm|dart|lua|pl|pm|r|ex|exs|erl|clj|cljs|elm|hs|ml|tf|hcl|vue|svelte|astro)$/i;

/** A file system path: `/run/secrets/db`, `./keys`, `~/.aws`, `C:\\keys`. */
const PATH_LIKE = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
/** A value ending like a file name points at the secret; it does not hold it. */
const FILE_REFERENCE = /\.(?:pem|key|p8|p12|pfx|json|ya?ml|txt|env|crt|cer|der|jks|keystore|gpg|asc)$/i;

/** Kinds the name of an assignment suggests: a password or a token/key/secret. */
export function secretNameKind(name: string): 'generic-password' | 'generic-secret' | undefined {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return undefined;
  // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
  if (PASSWORD_WORD.test(last) && (last !== 'pwd' || words.length > 1)) return 'generic-password';
  if (words.slice(0, -1).some((word) => NOT_CREDENTIAL_TOKENS.has(word))) return undefined;
  if (SECRET_WORD.test(last)) return 'generic-secret';
  if (last === 'key' && words.length > 1 && KEY_QUALIFIERS.has(words.at(-2)!)) return 'generic-secret';
  return undefined;
}

/** `clientSecret` → client, secret; `DB_PASSWORD` → db, password; `APIKey` → api, key. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * Hard-coded credentials assigned to secret-sounding names on the lines `[start, end)` of
 * `text`. Code only counts string literals (a bare value there is an expression); configuration
 * formats also count bare values.
 */
export function keywordAssignments(file: { path: string; kind: FileKind; text: string }, lines: readonly (readonly [number, number])[]): Candidate[] {
  const { text, kind } = file;
  const found: Candidate[] = [];
  const quotedOnly = kind === 'javascript' || kind === 'json' || kind === 'package-json' || CODE_EXTENSION.test(file.path);
  for (const [lineStart, lineEnd] of lines) {
    // Each line on its own: a search from a line start would otherwise run on to the end of the file.
    const line = text.slice(lineStart, lineEnd);
    for (const match of line.matchAll(ASSIGNMENT)) {
      const name = match[2]!;
      const rawValue = match[3]!;
      const quoted = /^["'`]/.test(rawValue);
      if (!quoted && quotedOnly) continue;
      const value = quoted ? rawValue.slice(1, -1) : rawValue;
      const start = lineStart + match.index + match[0].length - rawValue.length + (quoted ? 1 : 0);
      const candidate = assignmentCandidate(name, value, start);
      if (candidate) found.push(candidate);
    }
    if (kind === 'text' || kind === 'yaml' || kind === 'compose') found.push(...elementCandidates(line, lineStart, XML_ELEMENT));
    if (kind === 'dockerfile') found.push(...elementCandidates(line, lineStart, DOCKERFILE_LEGACY_ENV));
  }
  return found;
}

/** Matches of a two-group (name, value) pattern on one line that starts at `lineStart`. */
function elementCandidates(line: string, lineStart: number, pattern: RegExp): Candidate[] {
  const found: Candidate[] = [];
  for (const match of line.matchAll(pattern)) {
    const value = match[2]!;
    const candidate = assignmentCandidate(match[1]!, value, lineStart + match.index + match[0].lastIndexOf(value));
    if (candidate) found.push(candidate);
  }
  return found;
}

function assignmentCandidate(name: string, value: string, start: number): Candidate | undefined {
  const nameKind = secretNameKind(name);
  if (!nameKind) return undefined;
  const strong = nameKind === 'generic-password' ? isStrongPassword(value) : isStrongSecret(value);
  if (!strong) return undefined;
  return {
    kind: refinedKind(name, value, nameKind),
    start,
    end: start + value.length,
    value,
    data: { name: name.length > 60 ? `${name.slice(0, 57)}...` : name },
    generic: true,
    priority: PRIORITY.generic,
  };
}

/** A vendor named in the variable (TWILIO_AUTH_TOKEN, AWS_SECRET_ACCESS_KEY) makes the kind specific. */
function refinedKind(name: string, value: string, nameKind: SecretKind): SecretKind {
  const lower = name.toLowerCase();
  if (lower.includes('twilio')) return 'twilio-credentials';
  if (/secret_?access_?key/.test(lower.replace(/[-.]/g, '_')) && /^[A-Za-z0-9/+=]{40}$/.test(value)) return 'aws-secret-key';
  return nameKind;
}

/** Passwords are chosen by people: at least 8 characters mixing 3 classes, or 12 mixing 2, no spaces. */
function isStrongPassword(value: string): boolean {
  if (value.length < 8 || value.length > 128 || /\s/.test(value) || value.includes('://') || PATH_LIKE.test(value)) return false;
  const classes = characterClasses(value);
  if (!(classes >= 3 || (classes >= 2 && value.length >= 12))) return false;
  if (/^[A-Za-z]+(?:[-_.][A-Za-z]+)+$/.test(value)) return false;
  return shannonEntropy(value) >= 2.5;
}

/** Tokens and keys are generated: at least 16 characters of random-looking, high-entropy text. */
function isStrongSecret(value: string): boolean {
  if (value.length < 16 || value.length > 1024 || /\s/.test(value) || value.includes('://')) return false;
  if (PATH_LIKE.test(value) || FILE_REFERENCE.test(value)) return false;
  return shannonEntropy(value) >= 3 && looksRandom(value);
}
