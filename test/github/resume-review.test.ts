import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import { reviewJob } from '../../src/github/review-job.ts';
import { reviewProcessor } from '../../src/github/run-review.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { standInReviewProcessor } from '../support/stand-in-review.ts';

const PULL: StandInPullRequest = {
  installationId: 5,
  owner: 'acme',
  repo: 'service',
  number: 8,
  headSha: 'feed'.padEnd(40, '0'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: { 'src/index.js': 'export const answer = 42;\n' },
};

const JOB = reviewJob({ kind: 'pull_request', deliveryId: 'd-1', installationId: PULL.installationId, owner: PULL.owner, repo: PULL.repo, headSha: PULL.headSha, pullNumber: PULL.number });

/** A job that may have run before (a retry, a job handed back at shutdown, the clock) resumes its check run. */
describe('resuming a review job', () => {
  let standIn: GitHubStandIn;
  let run: ReturnType<typeof reviewProcessor>;

  beforeEach(async () => {
    standIn = await new GitHubStandIn().start();
    standIn.addPullRequest(PULL);
    run = standInReviewProcessor(standIn);
  });

  afterEach(async () => {
    await standIn.close();
  });

  const creations = () => standIn.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/check-runs'));

  it('completes the run an earlier attempt left in progress instead of creating another', async () => {
    standIn.checkRuns.push({ id: 1, owner: 'acme', repo: 'service', name: CHECK_NAME, head_sha: PULL.headSha, external_id: JOB.id, status: 'in_progress' });
    expect(await run(JOB, { resume: true })).toMatchObject({ outcome: 'success' });
    expect(creations()).toEqual([]);
    expect(standIn.checkRuns).toEqual([expect.objectContaining({ id: 1, status: 'completed', conclusion: 'success' })]);
    expect(standIn.problems).toEqual([]);
  });

  it('does not complete again a run an earlier attempt completed, and posts only what is missing', async () => {
    standIn.checkRuns.push({ id: 1, owner: 'acme', repo: 'service', name: CHECK_NAME, head_sha: PULL.headSha, external_id: JOB.id, status: 'completed', conclusion: 'success' });
    expect(await run(JOB, { resume: true })).toMatchObject({ outcome: 'success' });
    expect(standIn.requests.filter((request) => request.method !== 'GET' && request.path !== `/app/installations/${PULL.installationId}/access_tokens` && request.path !== '/graphql')).toEqual([]);
    expect(standIn.checkRuns).toEqual([expect.objectContaining({ id: 1, conclusion: 'success' })]);
  });

  it('concludes anew a run an earlier attempt completed only to report its own failure', async () => {
    standIn.checkRuns.push({ id: 1, owner: 'acme', repo: 'service', name: CHECK_NAME, head_sha: PULL.headSha, external_id: JOB.id, status: 'completed', conclusion: 'neutral', output: { title: 'Review could not complete' } });
    expect(await run(JOB, { resume: true })).toMatchObject({ outcome: 'success' });
    expect(creations()).toEqual([]);
    expect(standIn.checkRuns).toEqual([expect.objectContaining({ id: 1, conclusion: 'success', output: expect.objectContaining({ title: 'No new issues — 12 of 12 factors clean' }) })]);
  });

  it("ignores another job's run on the same commit (a re-run has its own external id)", async () => {
    standIn.checkRuns.push({ id: 1, owner: 'acme', repo: 'service', name: CHECK_NAME, head_sha: PULL.headSha, external_id: `${JOB.id}+rerun-d-0`, status: 'in_progress' });
    expect(await run(JOB, { resume: true })).toMatchObject({ outcome: 'success' });
    expect(creations()).toHaveLength(1);
    expect(standIn.checkRuns.map((checkRun) => [checkRun.id, checkRun.status])).toEqual([
      [1, 'in_progress'],
      [2, 'completed'],
    ]);
  });

  it('does not look for an earlier run on a first attempt', async () => {
    expect(await run(JOB)).toMatchObject({ outcome: 'success' });
    expect(standIn.requests.some((request) => request.path.includes('/commits/'))).toBe(false);
    expect(creations()).toHaveLength(1);
  });
});
