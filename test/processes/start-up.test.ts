import { describe, expect, it } from 'vitest';
import { AppProcess, appEnvironment } from '../support/app-process.ts';

async function failedStart(type: string | undefined, env: Record<string, string>) {
  const child = new AppProcess(type, env);
  const exit = await child.exited;
  return { ...exit, stderr: child.otherOutput, logged: child.lines };
}

describe('start-up (child processes)', () => {
  const base = appEnvironment('127.0.0.1:9');

  it('stops with one line naming a missing variable', async () => {
    const { APP_ID: _, ...withoutAppId } = base;
    expect(await failedStart('worker', withoutAppId)).toEqual({ code: 1, signal: null, stderr: ['twelve-factor-review: APP_ID is required but not set'], logged: [] });
  });

  it('stops with one line naming a malformed variable, without echoing its value', async () => {
    expect(await failedStart('web', { ...base, REDIS_URL: 'cache:6379' })).toEqual({
      code: 1,
      signal: null,
      stderr: ['twelve-factor-review: REDIS_URL must be a redis:// or rediss:// URL'],
      logged: [],
    });
  });

  it('refuses to run one process type alone without Redis to share the queue', async () => {
    const result = await failedStart('worker', base);
    expect(result).toMatchObject({ code: 1, logged: [] });
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^twelve-factor-review: REDIS_URL is required but not set: the worker process type/);
  });

  it('prints its usage for an unknown process type', async () => {
    expect(await failedStart('scheduler', base)).toMatchObject({ code: 2, stderr: ['usage: main.ts [web|worker|clock]   (no argument: all three in one process)'] });
  });

  it('serves /readyz 503 (and /healthz 200) while Redis is unreachable', async () => {
    const web = new AppProcess('web', { ...base, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const port = await web.started();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect([ready.status, await ready.text()]).toEqual([503, 'not ready\n']);
    } finally {
      web.kill('SIGKILL');
    }
  });
});
