import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/clock/reconcile.ts';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import type { ReviewJob } from '../../src/github/review-job.ts';
import { reviewOctokit } from '../../src/github/review-octokit.ts';
import type { EnqueueResult } from '../../src/queue/review-queue.ts';
import { GitHubStandIn, STAND_IN_APP_ID, type StandInPullRequest } from '../support/github-stand-in.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

function pull(installationId: number, repo: string, number: number, sha: string): StandInPullRequest {
  return { installationId, owner: `org-${installationId}`, repo, number, headSha: sha.repeat(40), baseSha: '0'.repeat(40), files: { 'src/a.js': 'export {};\n' } };
}

describe('reconcile', () => {
  let standIn: GitHubStandIn;
  let probot: Probot;
  let queued: Map<string, ReviewJob>;

  const enqueue = async (job: ReviewJob): Promise<EnqueueResult> => {
    if (queued.has(job.id)) return 'duplicate';
    queued.set(job.id, job);
    return 'queued';
  };
  const run = () => reconcile({ probot, appId: STAND_IN_APP_ID, enqueue, log: pino({ level: 'silent' }), now: () => new Date('2026-01-02T03:04:05Z') });

  beforeEach(async () => {
    standIn = await new GitHubStandIn().start();
    queued = new Map();
    probot = new Probot({
      appId: STAND_IN_APP_ID,
      privateKey,
      log: pino({ level: 'silent' }),
      baseUrl: `http://${standIn.host}/api/v3`,
      Octokit: reviewOctokit({ retryDelayScale: 0, throttle: { enabled: false } }),
    });
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('enqueues the open pull requests whose head has no completed check run', async () => {
    standIn.addPullRequest(pull(1, 'api', 1, 'a')).addPullRequest(pull(1, 'api', 2, 'b')).addPullRequest(pull(2, 'web', 7, 'c'));
    standIn.checkRuns.push({ id: 1, owner: 'org-1', repo: 'api', name: CHECK_NAME, head_sha: 'b'.repeat(40), status: 'completed', conclusion: 'success' });
    standIn.checkRuns.push({ id: 2, owner: 'org-2', repo: 'web', name: CHECK_NAME, head_sha: 'c'.repeat(40), status: 'in_progress' });

    expect(await run()).toEqual({ installations: 2, repositories: 2, pullRequests: 3, queued: 2, duplicates: 0, failedInstallations: 0 });
    expect([...queued.values()]).toEqual([
      { kind: 'pull_request', id: `org-1/api#1@${'a'.repeat(40)}`, deliveryId: 'clock-2026-01-02T03:04:05.000Z', installationId: 1, owner: 'org-1', repo: 'api', pullNumber: 1, headSha: 'a'.repeat(40) },
      { kind: 'pull_request', id: `org-2/web#7@${'c'.repeat(40)}`, deliveryId: 'clock-2026-01-02T03:04:05.000Z', installationId: 2, owner: 'org-2', repo: 'web', pullNumber: 7, headSha: 'c'.repeat(40) },
    ]);
    expect(standIn.problems).toEqual([]);
  });

  it('is idempotent: a second run finds the same pull requests already queued', async () => {
    standIn.addPullRequest(pull(1, 'api', 1, 'a'));
    await run();
    expect(await run()).toMatchObject({ pullRequests: 1, queued: 0, duplicates: 1 });
    expect(queued.size).toBe(1);
  });

  it('enqueues nothing when every head has a completed check run', async () => {
    standIn.addPullRequest(pull(1, 'api', 1, 'a'));
    standIn.checkRuns.push({ id: 1, owner: 'org-1', repo: 'api', name: CHECK_NAME, head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'neutral' });
    expect(await run()).toMatchObject({ pullRequests: 1, queued: 0, duplicates: 0 });
  });

  it('reads each installation with a bounded number of requests', async () => {
    standIn.addPullRequest(pull(1, 'api', 1, 'a')).addPullRequest(pull(1, 'web', 2, 'b')).addPullRequest(pull(1, 'web', 3, 'd'));
    await run();
    expect(standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /app/installations?per_page=100',
      'POST /app/installations/1/access_tokens',
      'GET /installation/repositories?per_page=100',
      'POST /graphql',
    ]);
  });

  it('goes on with the other installations when one cannot be read', async () => {
    standIn.addPullRequest(pull(1, 'api', 1, 'a')).addPullRequest(pull(2, 'web', 2, 'b'));
    standIn.refusedInstallations.add(1);
    expect(await run()).toMatchObject({ installations: 2, queued: 1, failedInstallations: 1 });
    expect([...queued.keys()]).toEqual([`org-2/web#2@${'b'.repeat(40)}`]);
  });
});
