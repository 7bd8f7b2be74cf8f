import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewJob } from '../../src/github/review-job.ts';
import { BullmqQueue } from '../../src/queue/bullmq-queue.ts';
import { AppProcess, appEnvironment, WEBHOOK_SECRET } from '../support/app-process.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { deliver, pullRequestOpened, signedWebhook } from '../support/signed-webhook.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';

const PULL: StandInPullRequest = {
  installationId: 91,
  owner: 'acme',
  repo: 'service',
  number: 12,
  headSha: 'c0ffee'.padEnd(40, '0'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: { 'src/index.js': 'export const answer = 42;\n' },
};

const enabled = await redisAvailable('web process tests');

describe.skipIf(!enabled)('the web process (child process, real Redis, GitHub stand-in)', () => {
  const prefix = uniquePrefix('web');
  let standIn: GitHubStandIn;
  let web: AppProcess;
  let port: number;
  let queue: BullmqQueue<ReviewJob>;

  beforeAll(async () => {
    standIn = await new GitHubStandIn().start();
    standIn.addPullRequest(PULL);
    queue = new BullmqQueue<ReviewJob>({ url: TEST_REDIS_URL, prefix });
    web = new AppProcess('web', appEnvironment(standIn.host, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }));
    port = await web.started();
  });

  afterAll(async () => {
    web?.kill('SIGKILL');
    await queue?.close();
    await standIn?.close();
    await deleteKeys(prefix);
  });

  it('verifies the signature, enqueues and answers, with no GitHub request', async () => {
    expect(await deliver(port, signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(PULL)))).toBe(200);
    expect(await queue.depth()).toMatchObject({ waiting: 1 });
    expect(standIn.requests).toEqual([]);
  });

  it('enqueues a redelivered webhook only once (job id = repository + PR + head SHA)', async () => {
    expect(await deliver(port, signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(PULL)))).toBe(200);
    expect(await queue.depth()).toMatchObject({ waiting: 1 });
    await web.waitForLog((line) => line.result === 'duplicate', 5_000, 'the duplicate to be logged');
  });

  it('rejects a webhook with a wrong signature and enqueues nothing', async () => {
    const other = { ...PULL, number: 13, headSha: 'beef'.padEnd(40, '0') };
    expect(await deliver(port, signedWebhook('not-the-secret', 'pull_request', pullRequestOpened(other)))).toBe(400);
    const unsigned = signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(other));
    delete unsigned.headers['x-hub-signature-256'];
    expect(await deliver(port, unsigned)).toBe(400);
    expect(await queue.depth()).toMatchObject({ waiting: 1 });
  });

  it('serves /healthz, /readyz and /metrics with the queue depth', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('twelve_factor_queue_depth{state="waiting",process_type="web"} 1');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    web.kill('SIGTERM');
    expect(await web.exited).toEqual({ code: 0, signal: null });
    expect(web.lines.map((line) => line.msg)).toContain('stopped');
    expect(web.otherOutput).toEqual([]);
  });
});
