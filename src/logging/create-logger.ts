import { pino, type DestinationStream, type Logger } from 'pino';

/** Fields whose values never reach a log line, wherever a caller puts them (one level deep). */
export const REDACTED_PATHS = [
  'privateKey',
  'token',
  'secret',
  'webhookSecret',
  'authorization',
  'password',
  '*.privateKey',
  '*.token',
  '*.secret',
  '*.webhookSecret',
  '*.authorization',
  '*.password',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-hub-signature-256"]',
  '*.request.headers.authorization',
];

/**
 * Credentials recognised by shape in the finished line, whatever field (or message) carries
 * them: GitHub tokens (installation tokens are `ghs_…`), JWTs (the App authenticates with
 * one), and PEM private keys (their newlines are `\n` escapes inside a JSON string).
 */
const CREDENTIAL_SHAPES: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----/g, '[REDACTED PRIVATE KEY]'],
  [/\b(gh[opsur]_)[A-Za-z0-9]{20,}/g, '$1****'],
  [/\b(github_pat_)\w{20,}/g, '$1****'],
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, 'eyJ****'],
  [/\b(v1\.)[0-9a-f]{40}\b/g, '$1****'],
];

export interface LoggerOptions {
  level: string;
  /** Exact values that must never appear: the private key, the webhook secret. */
  secrets?: readonly string[];
  /** Where lines go; stdout by default. */
  destination?: DestinationStream;
}

/**
 * The process logger: pino JSON lines on stdout, one event per line. Secrets are kept out
 * twice: by field (REDACTED_PATHS) and, as a last line of defence, by value and shape in the
 * finished line (an error message quoting a token, a key in an unexpected field).
 */
export function createLogger(options: LoggerOptions): Logger {
  const replacements = [...new Set(options.secrets ?? [])]
    .filter((value) => value.length >= 8)
    .flatMap((value) => {
      const escaped = JSON.stringify(value).slice(1, -1);
      return escaped === value ? [value] : [escaped, value];
    });
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      hooks: {
        streamWrite(line) {
          let safe = line;
          for (const value of replacements) safe = safe.replaceAll(value, '[REDACTED]');
          for (const [shape, replacement] of CREDENTIAL_SHAPES) safe = safe.replace(shape, replacement);
          return safe;
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
