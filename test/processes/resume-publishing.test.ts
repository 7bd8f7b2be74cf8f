import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import { reviewJob, type ReviewJob } from '../../src/github/review-job.ts';
import { BullmqQueue } from '../../src/queue/bullmq-queue.ts';
import { LOCK_DURATION_MS, STALLED_INTERVAL_MS } from '../../src/queue/bullmq-worker.ts';
import { fingerprintOfComment } from '../../src/report/review-comment.ts';
import { AppProcess, appEnvironment } from '../support/app-process.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';
import { addEarlierReview, hardCodedPorts } from '../support/stand-in-review.ts';

const pull = (repo: string, ports: number, index: number): StandInPullRequest => ({
  installationId: 93,
  owner: 'acme',
  repo,
  number: index + 1,
  headSha: `c${index}`.padEnd(40, '7'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: { 'src/server.js': hardCodedPorts(ports) },
});

/**
 * One pull request per boundary between publishing steps, each held at the step after it:
 * GitHub has the earlier steps, not the later ones, when the worker is killed.
 */
const STEPS = [
  { boundary: 'after creating the check run, before completing it', pull: pull('created', 3, 0), hold: ['PATCH', /^\/repos\/acme\/created\/check-runs\/\d+$/, 0] },
  { boundary: 'after completing it with 50 annotations, before the next batch', pull: pull('completed', 60, 1), hold: ['PATCH', /^\/repos\/acme\/completed\/check-runs\/\d+$/, 1] },
  { boundary: 'after the annotations, before the review', pull: pull('annotated', 3, 2), hold: ['POST', /^\/repos\/acme\/annotated\/pulls\/\d+\/reviews$/, 0] },
  { boundary: 'after the review, before resolving the threads of findings that went away', pull: pull('reviewed', 3, 3), hold: ['POST', /^\/graphql$/, 0, /resolveReviewThread/] },
] as const;

/** An earlier push's review on the last pull request, commenting a finding that has since gone: its thread is to be resolved. */
const EARLIER_REVIEW_ID = 99;
const GONE_COMMENT_ID = 777;

const enabled = await redisAvailable('resumable publishing tests');

describe.skipIf(!enabled)('a worker SIGKILLed between publishing steps (child processes, real Redis, GitHub stand-in)', () => {
  const prefix = uniquePrefix('resume-publishing');
  let standIn: GitHubStandIn;
  let queue: BullmqQueue<ReviewJob>;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    standIn = await new GitHubStandIn().start();
    for (const step of STEPS) standIn.addPullRequest(step.pull);
    addEarlierReview(standIn, STEPS.at(-1)!.pull, { review: EARLIER_REVIEW_ID, comment: GONE_COMMENT_ID });
    queue = new BullmqQueue<ReviewJob>({ url: TEST_REDIS_URL, prefix });
  });

  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await queue?.close();
    await standIn?.close();
    await deleteKeys(prefix);
  });

  const worker = () => {
    const started = new AppProcess('worker', appEnvironment(standIn.host, { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, WORKER_CONCURRENCY: String(STEPS.length) }));
    processes.push(started);
    return started;
  };

  it('finishes every review on its one check run, posting nothing twice', { timeout: 120_000 }, async () => {
    const holds = STEPS.map(({ hold: [method, path, skip, body] }) => standIn.hold(method, path, { skip, ...(body && { body }) }));
    const victim = worker();
    await victim.started();
    for (const { pull: target } of STEPS) {
      await queue.enqueue(
        reviewJob({ kind: 'pull_request', deliveryId: `d-${target.repo}`, installationId: target.installationId, owner: target.owner, repo: target.repo, headSha: target.headSha, pullNumber: target.number }),
      );
    }
    await Promise.all(holds.map((hold) => hold.arrived));

    victim.kill('SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    for (const hold of holds) hold.release();

    const survivor = worker();
    await survivor.started();
    await expect
      .poll(() => queue.depth(), { timeout: LOCK_DURATION_MS + 2 * STALLED_INTERVAL_MS + 60_000, interval: 500 })
      .toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });

    const results = STEPS.map(({ boundary, pull: target }) => {
      const runs = standIn.checkRunsFor(target.headSha);
      const reviews = standIn.reviewsOf(target.owner, target.repo, target.number).filter((review) => review.id !== EARLIER_REVIEW_ID);
      const comments = reviews.flatMap((review) => review.comments).map((comment) => fingerprintOfComment(comment.body));
      const annotations = (runs[0]?.output?.annotations ?? []) as { start_line: number; title: string }[];
      return {
        boundary,
        checkRuns: runs.map((run) => `${run.name} ${run.status} ${run.conclusion}`),
        reviews: reviews.length,
        comments: comments.length,
        distinctComments: new Set(comments).size,
        annotations: annotations.length,
        distinctAnnotations: new Set(annotations.map((annotation) => `${annotation.start_line} ${annotation.title}`)).size,
      };
    });
    console.info(`kill between publishing steps: ${JSON.stringify(results, null, 1)}`);
    for (const [index, result] of results.entries()) {
      // Every hard-coded port is a new error: at least that many annotations, and comments up to comments.max.
      const ports = Object.values(STEPS[index]!.pull.files)[0]!.split('.listen(').length - 1;
      expect(result, result.boundary).toMatchObject({ checkRuns: [`${CHECK_NAME} completed failure`], reviews: 1 });
      expect(result.annotations, result.boundary).toBe(result.distinctAnnotations);
      expect(result.annotations, result.boundary).toBeGreaterThanOrEqual(ports);
      expect(result.comments, result.boundary).toBe(result.distinctComments);
      expect(result.comments, result.boundary).toBe(Math.min(result.annotations, 20));
    }
    expect(standIn.isResolved(GONE_COMMENT_ID), 'the thread of the finding that went away').toBe(true);
    expect(survivor.lines.filter((line) => line.msg === 'review job started').map((line) => line.attempt)).toEqual(STEPS.map(() => 2));
    expect(standIn.problems).toEqual([]);
  });
});
