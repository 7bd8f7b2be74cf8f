import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Process settings, all from the environment (DESIGN.md, Processes). */
export interface EnvOptions {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  redisUrl: string | undefined;
  /** Namespaces every key this app writes in Redis, so deployments can share one Redis. */
  redisKeyPrefix: string;
  workerConcurrency: number;
  gheHost: string | undefined;
  gheProtocol: 'http' | 'https';
  shutdownTimeoutMs: number;
  clockIntervalMs: number;
}

/** A missing or malformed variable: start-up stops with this one line. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`);

const schema = z.object({
  APP_ID: z.string().regex(/^\d+$/, 'must be the numeric GitHub App id'),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().min(1, 'must not be empty'),
  PORT: integer(0, 65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.-]+$/, 'must be letters, digits, ".", "-" or "_"').default('twelve-factor'),
  WORKER_CONCURRENCY: integer(1, 64).default(2),
  GHE_HOST: z.string().regex(/^[\w.-]+(:\d+)?$/, 'must be a host name, without protocol or path').optional(),
  GHE_PROTOCOL: z.enum(['http', 'https']).default('https'),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(25_000),
  CLOCK_INTERVAL_MS: integer(10_000, 86_400_000).default(300_000),
});

/** Empty values count as unset, as most platforms cannot unset a variable. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/**
 * Reads and validates the process settings. Throws EnvError naming the first missing or
 * malformed variable — never echoing its value, which may be a secret.
 */
export function readEnvOptions(env: NodeJS.ProcessEnv = process.env): EnvOptions {
  const parsed = schema.safeParse(present(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new EnvError(issue.code === 'invalid_type' ? `${name} is required but not set` : `${name} ${issue.message}`);
  }
  const value = parsed.data;
  return {
    appId: value.APP_ID,
    privateKey: privateKeyFrom(value.PRIVATE_KEY, value.PRIVATE_KEY_PATH),
    webhookSecret: value.WEBHOOK_SECRET,
    port: value.PORT,
    host: value.HOST,
    logLevel: value.LOG_LEVEL,
    redisUrl: value.REDIS_URL,
    redisKeyPrefix: value.REDIS_KEY_PREFIX,
    workerConcurrency: value.WORKER_CONCURRENCY,
    gheHost: value.GHE_HOST,
    gheProtocol: value.GHE_PROTOCOL,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    clockIntervalMs: value.CLOCK_INTERVAL_MS,
  };
}

function privateKeyFrom(inline: string | undefined, file: string | undefined): string {
  let key = inline;
  if (key === undefined && file !== undefined) {
    try {
      key = readFileSync(file, 'utf8');
    } catch (error) {
      throw new EnvError(`PRIVATE_KEY_PATH cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (key === undefined) throw new EnvError('PRIVATE_KEY (or PRIVATE_KEY_PATH) is required but not set');
  // Platforms that cannot hold multi-line values store the PEM with literal "\n".
  const pem = key.includes('\\n') ? key.replace(/\\n/g, '\n') : key;
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new EnvError(`${inline !== undefined ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'} is not a PEM private key`);
  }
  return pem;
}
