import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import type { ReviewJob } from '../../src/github/review-job.ts';
import { BullmqQueue } from '../../src/queue/bullmq-queue.ts';
import { LOCK_DURATION_MS, STALLED_INTERVAL_MS } from '../../src/queue/bullmq-worker.ts';
import { AppProcess, appEnvironment, WEBHOOK_SECRET, type LogLine } from '../support/app-process.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { deliver, pullRequestOpened, signedWebhook } from '../support/signed-webhook.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';

/**
 * Issue 7's acceptance, as a test: two workers and one web process against one Redis, 50 pull
 * request webhooks against the GitHub stand-in → 50 completed check runs, none duplicated, none
 * lost — while one worker is killed with SIGKILL in the middle of its reviews.
 */
const PULL_REQUESTS = 50;
const INSTALLATIONS = 25;
/** A check run's completing update (and any further annotation batch). */
const CHECK_RUN_UPDATE = /^\/repos\/[^/]+\/[^/]+\/check-runs\/\d+$/;

/** Installation ids of their own, so Redis-held throttle state of other runs does not matter. */
const INSTALLATION_BASE = randomInt(100_000, 900_000) * 100;

const PULLS: StandInPullRequest[] = Array.from({ length: PULL_REQUESTS }, (_, index) => ({
  installationId: INSTALLATION_BASE + (index % INSTALLATIONS),
  owner: `org-${index % INSTALLATIONS}`,
  repo: 'service',
  number: index + 1,
  headSha: (index + 1).toString(16).padStart(40, 'a'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: { [`src/feature-${index + 1}.js`]: `export const feature${index + 1} = () => process.env.FEATURE_${index + 1} === 'on';\n` },
}));

/** Jobs a worker has started and not finished, from its log. */
function activeJobs(lines: readonly LogLine[]): number {
  return lines.filter((line) => line.msg === 'review job started').length - lines.filter((line) => line.msg === 'review job finished').length;
}

const enabled = await redisAvailable('acceptance test (web + 2 workers)');

describe.skipIf(!enabled)('acceptance: web + two workers on one Redis, 50 PRs, one worker SIGKILLed', () => {
  const prefix = uniquePrefix('acceptance');
  let standIn: GitHubStandIn;
  let queue: BullmqQueue<ReviewJob>;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    standIn = await new GitHubStandIn().start();
    for (const pull of PULLS) standIn.addPullRequest(pull);
    queue = new BullmqQueue<ReviewJob>({ url: TEST_REDIS_URL, prefix });
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await queue?.close();
    await standIn?.close();
    await deleteKeys(prefix);
  });

  it('completes one check run per pull request, none duplicated, none lost', { timeout: 240_000 }, async () => {
    const env = appEnvironment(standIn.host, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, WORKER_CONCURRENCY: '8' });
    const web = new AppProcess('web', env);
    const victim = new AppProcess('worker', env);
    const survivor = new AppProcess('worker', env);
    processes.push(web, victim, survivor);
    const [port] = await Promise.all([web.started(), victim.started(), survivor.started()]);
    const started = performance.now();

    // Check runs cannot complete until the victim is killed: every review it has started is then
    // certainly in progress (waiting on its completing PATCH), however fast the machine is.
    const completions = standIn.hold('PATCH', CHECK_RUN_UPDATE);
    const acknowledgements: number[] = [];
    const statuses = await Promise.all(
      PULLS.map(async (pull) => {
        const sent = performance.now();
        const status = await deliver(port, signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(pull)));
        acknowledgements.push(performance.now() - sent);
        return status;
      }),
    );
    expect(statuses).toEqual(PULLS.map(() => 200));

    const completed = () => standIn.checkRuns.filter((run) => run.status === 'completed').length;
    await victim.waitForLog((line) => line.msg === 'review job started', 60_000, 'the victim to start a review');
    await completions.arrived;
    const killedWith = activeJobs(victim.lines);
    const killedAt = performance.now();
    victim.kill('SIGKILL');
    // Released only once the victim is gone: its held updates then never reach the stand-in.
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    completions.release();

    // Up to ~25 s for BullMQ to hand the killed worker's jobs over (LOCK_DURATION_MS + STALLED_INTERVAL_MS),
    // then up to 60 s more for the installations whose GitHub requests were in flight on it: the
    // Redis-shared throttle (Bottleneck) frees a dead client's running requests only when they expire.
    const allDone = () => PULLS.every((pull) => standIn.checkRunsFor(pull.headSha).some((run) => run.status === 'completed'));
    await standIn.waitFor(allDone, 120_000, `${PULL_REQUESTS} completed check runs`);
    const finished = performance.now();
    // A job whose check run the killed worker had already completed stays "active" until its lock
    // expires and the survivor retakes it (and drops it: the run is complete), which may come
    // after every check run is done: retakes are counted once the queue has drained.
    await expect
      .poll(() => queue.depth(), { timeout: LOCK_DURATION_MS + 2 * STALLED_INTERVAL_MS + 60_000, interval: 500 })
      .toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    // The victim died with at least one job active (its completing PATCH was held): the survivor
    // retakes it. Awaited on its log, not sampled, since its output arrives through a pipe.
    const isRetake = (line: LogLine) => line.msg === 'review job started' && (line.attempt as number) > 1;
    await survivor.waitForLog(isRetake, 60_000, 'the survivor to retake a job of the killed worker');
    const retaken = survivor.lines.filter(isRetake);

    const sorted = [...acknowledgements].sort((a, b) => a - b);
    const figures = {
      pullRequests: PULL_REQUESTS,
      installations: INSTALLATIONS,
      completedCheckRuns: completed(),
      duplicated: standIn.checkRuns.length - PULL_REQUESTS,
      jobsActiveOnKilledWorker: killedWith,
      jobsRetakenBySurvivor: retaken.length,
      webhookAckMs: { p50: Math.round(sorted[Math.floor(sorted.length * 0.5)]!), max: Math.round(sorted.at(-1)!) },
      secondsToAllCompleted: Math.round((finished - started) / 100) / 10,
      secondsFromKillToAllCompleted: Math.round((finished - killedAt) / 100) / 10,
      githubRequests: standIn.requests.length,
    };
    console.info(`acceptance figures: ${JSON.stringify(figures)}`);

    for (const pull of PULLS) {
      const runs = standIn.checkRunsFor(pull.headSha);
      expect(runs, `check runs of PR #${pull.number}`).toHaveLength(1);
      expect(runs[0]).toMatchObject({ name: CHECK_NAME, status: 'completed' });
    }
    expect(standIn.checkRuns).toHaveLength(PULL_REQUESTS);
    expect(standIn.problems).toEqual([]);
    expect(retaken.length).toBeGreaterThanOrEqual(1);
  });
});
