import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import { reviewJob, type ReviewJob } from '../../src/github/review-job.ts';
import { BullmqQueue } from '../../src/queue/bullmq-queue.ts';
import { AppProcess, appEnvironment } from '../support/app-process.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';

const PULL: StandInPullRequest = {
  installationId: 92,
  owner: 'acme',
  repo: 'service',
  number: 3,
  headSha: 'd1'.padEnd(40, '5'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: { 'src/server.js': "import http from 'node:http';\nhttp.createServer(() => {}).listen(process.env.PORT);\n" },
};

/** The completing update of a check run: holding it keeps a review in progress. */
const COMPLETION = /^\/repos\/acme\/service\/check-runs\/\d+$/;

const enabled = await redisAvailable('worker shutdown tests');

describe.skipIf(!enabled)('worker shutdown on SIGTERM (child processes, real Redis, GitHub stand-in)', () => {
  let prefix: string;
  let standIn: GitHubStandIn;
  let queue: BullmqQueue<ReviewJob>;
  const processes: AppProcess[] = [];

  const worker = (extra: Record<string, string> = {}) => {
    const started = new AppProcess('worker', appEnvironment(standIn.host, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, WORKER_CONCURRENCY: '1', ...extra }));
    processes.push(started);
    return started;
  };
  const enqueue = () =>
    queue.enqueue(
      reviewJob({ kind: 'pull_request', deliveryId: 'delivery-1', installationId: PULL.installationId, owner: PULL.owner, repo: PULL.repo, headSha: PULL.headSha, pullNumber: PULL.number }),
    );

  beforeEach(async () => {
    prefix = uniquePrefix('shutdown');
    standIn = await new GitHubStandIn().start();
    standIn.addPullRequest(PULL);
    queue = new BullmqQueue<ReviewJob>({ url: TEST_REDIS_URL, prefix });
  });

  afterEach(async () => {
    for (const child of processes.splice(0)) child.kill('SIGKILL');
    await queue.close();
    await standIn.close();
    await deleteKeys(prefix);
  });

  it('lets the review in progress complete, then exits 0', async () => {
    const completion = standIn.hold('PATCH', COMPLETION);
    const first = worker();
    await first.started();
    await enqueue();
    await completion.arrived;

    first.kill('SIGTERM');
    await first.waitForLog((line) => line.msg === 'shutting down', 10_000, 'the shutdown to begin');
    completion.release();
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const runs = standIn.checkRunsFor(PULL.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: CHECK_NAME, status: 'completed', conclusion: 'success' });
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(first.lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['review job finished', 'stopped']));
    expect(standIn.problems).toEqual([]);
  });

  it('hands a review that outlasts SHUTDOWN_TIMEOUT_MS back to the queue; another worker completes it on the same check run', async () => {
    const completion = standIn.hold('PATCH', COMPLETION);
    const first = worker({ SHUTDOWN_TIMEOUT_MS: '500' });
    await first.started();
    await enqueue();
    await completion.arrived;

    first.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.lines.find((line) => line.msg.includes('handed back'))).toMatchObject({ jobs: 1 });
    // The first worker's held completion died with it.
    completion.release();

    const second = worker();
    await second.waitForLog((line) => line.msg === 'review job finished', 30_000, 'the second worker to finish the review');
    expect(second.lines.find((line) => line.msg === 'review job started')).toMatchObject({ attempt: 2 });

    const runs = standIn.checkRunsFor(PULL.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    // The job is marked completed in Redis just after its processor returns.
    await expect.poll(() => queue.depth(), { timeout: 15_000 }).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(standIn.problems).toEqual([]);
  });
});
