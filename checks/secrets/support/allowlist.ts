import path from 'node:path/posix';

/**
 * Keys that vendors publish in their documentation as examples. They are not secrets, and a
 * scanner that reports them teaches users to ignore it.
 */
const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  // AWS: https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  // Azurite / Azure Storage Emulator account key: https://learn.microsoft.com/azure/storage/common/storage-use-azurite
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // Stripe API reference sample keys: https://docs.stripe.com/keys
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  // Slack's incoming-webhook example: https://api.slack.com/messaging/webhooks
  'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  // Telegram's Bot API documentation token: https://core.telegram.org/bots/api
  '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
  // The jwt.io debugger's default token (payload: John Doe).
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

/** Words and marks people put where a secret will go, never a secret itself. */
const PLACEHOLDER_MARKS =
  /x{4,}|\*{3,}|\.{3}|…|#{4,}|example|sample|dummy|placeholder|change[-_ ]?me|redacted|replace[-_ ]?(?:me|with|this)|insert[-_ ]?(?:your|here)|your[-_ ]|[-_ ]here$|^here$|fake|not[-_ ]a[-_ ]real|todo|fixme|(.)\1{5,}|0123456|123456789|abcdefgh/i;

/** Template and variable syntaxes: the value is filled in elsewhere. */
const TEMPLATE_MARKS = /\$\{|\{\{[^}]*\}\}|<[^<>\s]{1,80}>|%\([^)]*\)s|%[sd]$|\$\([^)]*\)|\{[A-Za-z_]\w*\}|^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^@[A-Za-z_]\w*@$|^__[A-Z0-9_]+__$/;

/** Lookups of a value held elsewhere: environment, secret managers, templating functions. */
const REFERENCE =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\b|System\.getenv|Environment\.GetEnvironmentVariable|Deno\.env|Bun\.env|ENV\[|ENV\.fetch|env\(|\$env:|secrets\.|vars\.|!(?:Ref|Sub|GetAtt|ImportValue)\b|arn:aws:|vault:|ssm:|op:\/\/|sm:\/\/|ref\+|gcp:\/\/|azure-keyvault:)/;

/** `var.db_password`, `settings.API_KEY`, `local.token`: a reference to a value defined elsewhere. */
const DOTTED_NAME = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+$/;

/** Well-known development defaults and words standing in for a real value. */
const STAND_IN_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'apikey', 'api_key', 'key', 'test', 'testing',
  'admin', 'administrator', 'root', 'toor', 'guest', 'user', 'username', 'postgres', 'postgresql', 'mysql', 'mariadb',
  'redis', 'mongo', 'mongodb', 'rabbitmq', 'default', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'empty',
  'foo', 'bar', 'baz', 'qux', 'foobar', 'foobared', 'abc', 'abc123', 'qwerty', 'letmein', 'welcome', 'demo', 'dev',
  'development', 'local', 'sa', 'oracle', 'hunter2', 'p@ssw0rd', 'passw0rd', 'pa$$word', 'string', 'required',
]);

/** True for placeholders, masks, templates and stand-in words (`<token>`, `${SECRET}`, `changeme`, `xxxx`, `***`). */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (STAND_IN_WORDS.has(lower)) return true;
  if (/^\d+$/.test(value)) return true;
  if (/secret|passw(?:or)?d|^(?:my|the|some|super)[-_]?(?:api|secret|token|key|pass)/i.test(value)) return true;
  if (/(?:^|[-_.])(?:test|demo|dev|local|dummy|mock|stub)(?:[-_.]|$)/i.test(value)) return true;
  return PLACEHOLDER_MARKS.test(value) || TEMPLATE_MARKS.test(value);
}

/** True when the value names where the secret lives instead of holding it. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** True for a bare dotted name (`var.db_password`): a reference where a bare value is expected. */
export function isDottedName(value: string): boolean {
  return DOTTED_NAME.test(value);
}

/** True for the documented example keys of AWS, Azure, Stripe, Slack and jwt.io. */
export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.has(value);
}

/**
 * Values whose shape says they are not credentials even under a secret-sounding name:
 * lockfile integrity hashes, git commit SHAs, UUIDs and inline images.
 */
export function isBenignShape(value: string): boolean {
  return (
    /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value) ||
    /^[0-9a-f]{40}$/.test(value) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ||
    /^data:[a-z]+\/[\w.+-]+;base64,/i.test(value)
  );
}

/** `.env.example`, `config.sample.yml`, `settings.template.json`, `.env.dist`: values there are examples. */
export function isExampleFile(filePath: string): boolean {
  const segments = path.basename(filePath).toLowerCase().split('.');
  return segments.some((segment) => /^(?:example|examples|sample|samples|template|templates|tmpl|tpl|dist)$/.test(segment));
}
