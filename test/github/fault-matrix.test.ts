import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CONFIG_ALIAS_COUNT } from '../../src/engine/config.ts';
import { CHECK_NAME } from '../../src/github/check-run.ts';
import { reviewJob } from '../../src/github/review-job.ts';
import { reviewProcessor } from '../../src/github/run-review.ts';
import { fingerprintOfComment } from '../../src/report/review-comment.ts';
import { examplePayload, useApp, type AppHarness } from '../support/app-harness.ts';
import { API_URL, diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, OWNER, REPO, blobSha, type RepoFiles } from '../support/fake-github.ts';
import { GitHubStandIn, type StandInPullRequest } from '../support/github-stand-in.ts';
import { addEarlierReview, hardCodedPorts, standInReviewProcessor } from '../support/stand-in-review.ts';

/**
 * The fault matrix of issue 15: each row breaks GitHub one way and asserts the check run's final
 * conclusion, title and text, the requests made (each validated against GitHub's OpenAPI
 * description by the harness or the stand-in), and that no check run is left in progress.
 * Rows 1–5 run the Probot app against nock; the publishing rows run the job processor twice
 * (the queue's retry) against the loopback stand-in, which keeps the check runs and reviews.
 */

const PACKAGE_JSON = '{ "name": "hello-world", "private": true }\n';
const BASE: RepoFiles = { 'package.json': PACKAGE_JSON };
const FEATURE = "export const feature = () => process.env.FEATURE === 'on';\n";
const HEAD: RepoFiles = { ...BASE, 'src/feature.ts': FEATURE };
const FILES = `/repos/${OWNER}/${REPO}/pulls/2/files`;
const CONFIG = `/repos/${OWNER}/${REPO}/contents/.github%2Ftwelve-factor.yml`;
const SERVER_ERROR = { message: 'Server Error' };
/**
 * How old the token is when GitHub refuses it: past @octokit/auth-app's 5 s replication grace, and
 * inside the 59 minutes Probot caches a token (of the hour it lives), so the App still uses it.
 */
const TOKEN_AGE_MS = 30 * 60 * 1000;
/** The client's attempts at one request: the first and @octokit/plugin-retry's three retries. */
const CLIENT_ATTEMPTS = 4;

describe('fault matrix: reading the pull request and its configuration (nock)', () => {
  let app: AppHarness;
  useApp((started) => (app = started));

  /** Every check run the App wrote, folded into its final state: creations and their updates. */
  function checkRuns(): { status: string; conclusion?: string; title?: string; summary?: string; text?: string }[] {
    const runs: Record<string, unknown>[] = [];
    for (const write of app.writes().filter((request) => request.path.includes('/check-runs'))) {
      if (write.method === 'POST') runs.push({ ...write.body, ...write.body.output });
      else Object.assign(runs[0]!, write.body, write.body.output);
    }
    return runs.map(({ status, conclusion, title, summary, text }) => ({ status, conclusion, title, summary, text }) as ReturnType<typeof checkRuns>[number]);
  }

  function routes(): string[] {
    return app.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
  }

  /** The one check run there is, completed. */
  function onlyCheckRun(): ReturnType<typeof checkRuns>[number] {
    const runs = checkRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('completed');
    return runs[0]!;
  }

  /** The pull request's files and trees, and (unless GitHub is to fail them all) its blobs. */
  function reads(github: FakeGitHub, head: RepoFiles = HEAD, options: { blobs?: boolean } = {}): FakeGitHub {
    github.files(diffEntries(BASE, head)).tree(HEAD_SHA, head).tree(MERGE_BASE_SHA, BASE, { optional: true });
    return options.blobs === false ? github : github.blobs({ commit: HEAD_SHA, files: head }, { commit: MERGE_BASE_SHA, files: BASE });
  }

  it('row 1: list-files answers 502 once, then the retry succeeds: a normal review', async () => {
    const github = new FakeGitHub().token().pull({ changedFiles: 1 }).config().compare();
    github.scope.get(FILES).query(true).once().reply(502, SERVER_ERROR);
    reads(github).checkRuns().reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(routes().filter((route) => route.startsWith(`GET ${FILES}`))).toEqual([`GET ${FILES} 502`, `GET ${FILES} 200`]);
    expect(onlyCheckRun()).toMatchObject({ conclusion: 'success', title: 'No new issues — 12 of 12 factors clean' });
    expect(onlyCheckRun().summary).toContain('**Files:** 1 scanned');
  });

  it('row 2: pulls.get 404 (pull request or repository gone): dropped with one log line, no check run, no retry', async () => {
    const github = new FakeGitHub().token();
    github.scope.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(404, { message: 'Not Found' });

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(routes()).toEqual([`POST /app/installations/1/access_tokens 201`, `GET /repos/${OWNER}/${REPO}/pulls/2 404`]);
    expect(checkRuns()).toEqual([]);
    const jobLines = app.logs().filter((line) => line.job !== undefined && (line.level as number) >= 30 && line.result === undefined);
    expect(jobLines.map((line) => line.msg)).toEqual(['the pull request or repository is gone; job dropped']);
    expect(jobLines[0]!.err).toBe(`GitHub answered 404 on GET /repos/${OWNER}/${REPO}/pulls/2`);
    // The processor returned: a queue counts the job done and does not retry it.
    expect(app.jobErrors).toEqual([]);
  });

  describe('row 3: a configuration that cannot be used → neutral, explained, nothing fetched', () => {
    const configErrorRoutes = [
      `POST /repos/${OWNER}/${REPO}/check-runs 201`,
      `PATCH /repos/${OWNER}/${REPO}/check-runs/1 200`,
    ];

    it("the organisation's .github repository holds a malformed file", async () => {
      new FakeGitHub().token().pull().config(undefined, { org: 'fail_on: [warning\n' }).checkRuns();

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().slice(-2)).toEqual(configErrorRoutes);
      expect(routes()).toContain(`GET /repos/${OWNER}/.github/contents/.github%2Ftwelve-factor.yml 200`);
      const run = onlyCheckRun();
      expect(run).toMatchObject({ conclusion: 'neutral', title: 'Configuration error' });
      expect(run.summary).toMatch(/> Codertocat\/\.github:\.github\/twelve-factor\.yml:\d+: invalid YAML: /);
    });

    it('_extends names a repository that does not exist', async () => {
      const github = new FakeGitHub().token().pull().config('_extends: policies\n').checkRuns();
      github.scope.get(`/repos/${OWNER}/policies/contents/.github%2Ftwelve-factor.yml`).reply(404, { message: 'Not Found' });

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().slice(-2)).toEqual(configErrorRoutes);
      const run = onlyCheckRun();
      expect(run).toMatchObject({ conclusion: 'neutral', title: 'Configuration error' });
      expect(run.summary).toContain(`> ${OWNER}/${REPO}:.github/twelve-factor.yml: _extends: ${OWNER}/policies:.github/twelve-factor.yml not found`);
    });

    it('a YAML alias bomb ("billion laughs") is refused, not expanded', async () => {
      const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (const [index, name] of [...'bcdefghi'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`);
      new FakeGitHub().token().pull().config(`${levels.join('\n')}\n`).checkRuns();

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().filter((route) => route.startsWith(`GET ${CONFIG}`))).toEqual([`GET ${CONFIG} 200`]);
      expect(routes().slice(-2)).toEqual(configErrorRoutes);
      const run = onlyCheckRun();
      expect(run).toMatchObject({ conclusion: 'neutral', title: 'Configuration error' });
      expect(run.summary).toContain(`> ${OWNER}/${REPO}:.github/twelve-factor.yml: invalid YAML: aliases expand beyond ${MAX_CONFIG_ALIAS_COUNT} nodes`);
    });
  });

  describe('row 4: the installation token expires mid-review', () => {
    /**
     * Only the clock is faked, and only ever moves forward: the token is issued half an hour in the past
     * and the clock jumps to the present once the review has started (plugin-throttling's
     * limiters, shared by every client, must never see time run backwards).
     */
    let present = 0;
    beforeEach(() => {
      present = Date.now();
      vi.useFakeTimers({ toFake: ['Date'], now: present - TOKEN_AGE_MS });
    });
    afterEach(() => vi.useRealTimers());

    it('fetches a new token on the 401 and repeats the request: the review completes', async () => {
      const github = new FakeGitHub().token().pull({ changedFiles: 1 }).config();
      // The review starts half an hour after the token was issued: @octokit/auth-app's own 401 retry
      // (within 5 s of issue, waiting real seconds) no longer applies.
      github.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(() => {
        vi.setSystemTime(present);
        return [201, { id: 1, status: 'in_progress' }];
      });
      nock(API_URL).persist().patch(`/repos/${OWNER}/${REPO}/check-runs/1`).reply(200, { id: 1 });
      github.scope
        .get(`/repos/${OWNER}/${REPO}/compare/${'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'}...${HEAD_SHA}`)
        .query(true)
        .once()
        .reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      github.token().compare();
      reads(github).reviewHistory();

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().slice(0, 7).map((route) => route.replace(/\/compare\/\S+/, '/compare/…'))).toEqual([
        'POST /app/installations/1/access_tokens 201',
        `GET /repos/${OWNER}/${REPO}/pulls/2 200`,
        `GET ${CONFIG} 404`,
        `GET /repos/${OWNER}/.github/contents/.github%2Ftwelve-factor.yml 404`,
        `POST /repos/${OWNER}/${REPO}/check-runs 201`,
        `GET /repos/${OWNER}/${REPO}/compare/… 401`,
        'POST /app/installations/1/access_tokens 201',
      ]);
      expect(routes()[7]).toMatch(new RegExp(`^GET /repos/${OWNER}/${REPO}/compare/\\S+ 200$`));
      expect(onlyCheckRun()).toMatchObject({ conclusion: 'success', title: 'No new issues — 12 of 12 factors clean' });
      expect(app.logs().filter((line) => line.msg === 'GitHub refused the installation token; repeating the request with a new one')).toHaveLength(1);
    });
  });

  describe('row 5: blob contents GitHub fails to return → "Not reviewed", neutral', () => {
    it('the GraphQL blob batch answers 502 through every retry', async () => {
      const github = new FakeGitHub().token().pull({ changedFiles: 1 }).config().compare();
      nock(API_URL)
        .post('/graphql', (body: { query?: string }) => body.query?.includes(': object(') === true)
        .times(CLIENT_ATTEMPTS)
        .reply(502, SERVER_ERROR);
      reads(github, HEAD, { blobs: false }).checkRuns().reviewHistory();

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().filter((route) => route.startsWith('POST /graphql'))).toEqual(Array(CLIENT_ATTEMPTS).fill('POST /graphql 502'));
      const run = onlyCheckRun();
      expect(run.conclusion).toBe('neutral');
      expect(run.title).toMatch(/^1 changed file could not be read — Re-run/);
      expect(run.summary).toContain('**Files:** 0 scanned, 0 skipped, 1 not reviewed');
      expect(run.summary).toContain('- `src/feature.ts` — fetching it failed after retries (GitHub answered 502 on POST /graphql)');
    });

    it('the REST fallback for a blob GraphQL truncated answers 502 through every retry', async () => {
      const large = `${FEATURE}// ${'x'.repeat(2000)}\n`;
      const head: RepoFiles = { ...HEAD, 'src/large.ts': large };
      const github = new FakeGitHub().token().pull({ changedFiles: 2 }).config().compare().truncate(large);
      github.scope.get(`/repos/${OWNER}/${REPO}/git/blobs/${blobSha(large)}`).times(CLIENT_ATTEMPTS).reply(502, SERVER_ERROR);
      reads(github, head).checkRuns().reviewHistory();

      await app.receive('pull_request', examplePayload('pull_request', 'opened'));

      expect(routes().filter((route) => route.includes('/git/blobs/'))).toHaveLength(CLIENT_ATTEMPTS);
      const run = onlyCheckRun();
      expect(run.conclusion).toBe('neutral');
      expect(run.title).toMatch(/^1 changed file could not be read — Re-run/);
      expect(run.summary).toContain('**Files:** 1 scanned, 0 skipped, 1 not reviewed');
      expect(run.summary).toContain(`- \`src/large.ts\` — fetching it failed after retries (GitHub answered 502 on GET /repos/${OWNER}/${REPO}/git/blobs/${blobSha(large)})`);
    });
  });
});

/** The comment an earlier review left on a finding that has since gone: its thread is to be resolved. */
const GONE_COMMENT_ID = 555;

/**
 * One row per publishing step, each failing with 502 through all of the client's retries: the
 * first attempt throws (BullMQ retries a job whose processor throws), the second — resuming —
 * finishes on the same check run.
 */
const PUBLISHING_STEPS = [
  // Before completion: the review completes its run "could not complete" and throws the 502.
  { step: 'completing the check run', ports: 3, fail: ['PATCH', /\/check-runs\/\d+$/, {}], thrown: 'HttpError' },
  // After completion: publishReview notes the failure on the run and throws PublishingIncompleteError.
  { step: 'a further annotation batch', ports: 60, fail: ['PATCH', /\/check-runs\/\d+$/, { skip: 1 }], thrown: 'PublishingIncompleteError' },
  { step: 'the review', ports: 3, fail: ['POST', /\/pulls\/\d+\/reviews$/, {}], thrown: 'PublishingIncompleteError' },
  { step: 'resolving the threads of findings that went away', ports: 3, fail: ['POST', /^\/graphql$/, { body: /resolveReviewThread/ }], thrown: 'PublishingIncompleteError' },
] as const;

describe('fault matrix: a GitHub 5xx on each publishing step (stand-in, job retried)', () => {
  let standIn: GitHubStandIn;
  let run: ReturnType<typeof reviewProcessor>;

  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    standIn = await new GitHubStandIn().start();
    run = standInReviewProcessor(standIn);
  });

  afterEach(async () => {
    await standIn.close();
  });

  it.each(PUBLISHING_STEPS)('$step: one completed check run, one review, every comment and annotation once', async ({ ports, fail: [method, path, options], thrown }) => {
    const pull: StandInPullRequest = {
      installationId: 5,
      owner: 'acme',
      repo: 'service',
      number: 8,
      headSha: 'feed'.padEnd(40, '0'),
      baseSha: 'ba5e'.padEnd(40, '0'),
      files: { 'src/server.js': hardCodedPorts(ports) },
    };
    standIn.addPullRequest(pull);
    addEarlierReview(standIn, pull, { review: 99, comment: GONE_COMMENT_ID });
    standIn.fail(method, path, { times: CLIENT_ATTEMPTS, ...options });
    const job = reviewJob({ kind: 'pull_request', deliveryId: 'd-1', installationId: pull.installationId, owner: pull.owner, repo: pull.repo, headSha: pull.headSha, pullNumber: pull.number });

    await expect(run(job)).rejects.toMatchObject({ name: thrown });
    const failed = standIn.requests.filter((request) => request.status === 502);
    expect(failed).toHaveLength(CLIENT_ATTEMPTS);
    expect(await run(job, { resume: true })).toMatchObject({ outcome: 'failure' });

    const runs = standIn.checkRunsFor(pull.headSha);
    expect(runs.map((checkRun) => `${checkRun.name} ${checkRun.status} ${checkRun.conclusion}`)).toEqual([`${CHECK_NAME} completed failure`]);
    expect(runs[0]!.output?.title).toMatch(/^\d+ new issues? \(/);
    expect(runs[0]!.output?.summary).toContain('Port binding');
    expect(runs[0]!.output?.text ?? '').not.toContain('failed');
    const annotations = (runs[0]!.output?.annotations ?? []) as { start_line: number; title: string }[];
    expect(annotations.length).toBeGreaterThanOrEqual(ports);
    expect(new Set(annotations.map((annotation) => `${annotation.start_line} ${annotation.title}`)).size).toBe(annotations.length);
    const ours = standIn.reviewsOf(pull.owner, pull.repo, pull.number).filter((review) => review.id !== 99);
    expect(ours).toHaveLength(1);
    const fingerprints = ours[0]!.comments.map((comment) => fingerprintOfComment(comment.body));
    expect(fingerprints).toHaveLength(Math.min(annotations.length, 20));
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(standIn.isResolved(GONE_COMMENT_ID)).toBe(true);
    expect(standIn.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/check-runs'))).toHaveLength(1);
    expect(standIn.problems).toEqual([]);
  });
});
