import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const KEY_BODY = privateKey.split('\n')[1]!;
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

function capture(secrets: string[] = [privateKey, 'webhook-secret-value']) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level: 'trace', secrets, destination }), lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line', () => {
    const { log, lines } = capture();
    log.info({ job: 'o/r#1@abc' }, 'review queued');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, job: 'o/r#1@abc', msg: 'review queued' });
  });

  it('redacts credentials by field name', () => {
    const { log, lines } = capture([]);
    log.info({ token: 'abc123456789', privateKey: 'x'.repeat(20), request: { headers: { authorization: 'token abc123456789' } } }, 'auth');
    const line = JSON.parse(lines[0]!);
    expect(line.token).toBe('[REDACTED]');
    expect(line.privateKey).toBe('[REDACTED]');
    expect(line.request.headers.authorization).toBe('[REDACTED]');
  });

  it('masks the private key and the webhook secret by value wherever they appear', () => {
    const { log, lines } = capture();
    log.error({ err: new Error(`could not sign with ${privateKey}`), context: { nested: { deeper: 'webhook-secret-value' } } }, 'failed');
    log.info(`the key is ${privateKey}`);
    const output = lines.join('\n');
    expect(output).not.toContain(KEY_BODY);
    expect(output).not.toContain('webhook-secret-value');
    expect(output).toContain('[REDACTED');
  });

  it('masks GitHub tokens and JWTs by shape, in messages and in errors', () => {
    const { log, lines } = capture([]);
    log.warn(`GitHub rejected ${TOKEN}`);
    log.error({ err: new Error('Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjQyNDJ9.c2lnbmF0dXJlLXZhbHVl') }, 'app authentication failed');
    const output = lines.join('\n');
    expect(output).not.toContain(TOKEN);
    expect(output).toContain('ghs_****');
    expect(output).not.toContain('eyJpc3MiOjQyNDJ9');
  });

  it('leaves ordinary text alone', () => {
    const { log, lines } = capture();
    log.info({ sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', repo: 'acme/service' }, 'review completed');
    expect(JSON.parse(lines[0]!)).toMatchObject({ sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', repo: 'acme/service', msg: 'review completed' });
  });
});
