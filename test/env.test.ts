import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnvOptions } from '../src/env.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const VALID = { APP_ID: '12345', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'wh-secret-value' };

function errorOf(env: Record<string, string>): string {
  try {
    readEnvOptions(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error('expected an EnvError');
}

describe('readEnvOptions', () => {
  it('applies defaults', () => {
    expect(readEnvOptions(VALID)).toEqual({
      appId: '12345',
      privateKey,
      webhookSecret: 'wh-secret-value',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      redisUrl: undefined,
      redisKeyPrefix: 'twelve-factor',
      workerConcurrency: 2,
      gheHost: undefined,
      gheProtocol: 'https',
      shutdownTimeoutMs: 25_000,
      clockIntervalMs: 300_000,
    });
  });

  it('reads a key stored with literal \\n sequences', () => {
    expect(readEnvOptions({ ...VALID, PRIVATE_KEY: privateKey.replace(/\n/g, '\\n') }).privateKey).toBe(privateKey);
  });

  it.each([
    [{ APP_ID: undefined }, 'APP_ID is required but not set'],
    [{ APP_ID: 'abc' }, 'APP_ID must be the numeric GitHub App id'],
    [{ WEBHOOK_SECRET: '' }, 'WEBHOOK_SECRET is required but not set'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ REDIS_KEY_PREFIX: 'a:b' }, 'REDIS_KEY_PREFIX must be letters, digits, ".", "-" or "_"'],
    [{ WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY must be between 1 and 64'],
    [{ GHE_HOST: 'https://ghe.example.com' }, 'GHE_HOST must be a host name, without protocol or path'],
    [{ PRIVATE_KEY: undefined }, 'PRIVATE_KEY (or PRIVATE_KEY_PATH) is required but not set'],
    [{ PRIVATE_KEY: 'not-a-key' }, 'PRIVATE_KEY is not a PEM private key'],
    [{ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nonexistent/key.pem' }, 'PRIVATE_KEY_PATH cannot be read (ENOENT)'],
  ])('rejects %j with one line naming the variable', (override, message) => {
    const env = Object.fromEntries(Object.entries({ ...VALID, ...override }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(errorOf(env)).toBe(message);
  });

  it('never echoes a malformed value', () => {
    expect(errorOf({ ...VALID, PRIVATE_KEY: 'super-secret-not-pem' })).not.toContain('super-secret');
  });
});
