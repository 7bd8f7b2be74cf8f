import { describe, expect, it } from 'vitest';
import { MAX_RATE_LIMIT_RETRIES } from '../../src/github/review-octokit.ts';
import { examplePayload, useApp, type AppHarness } from '../support/app-harness.ts';
import { diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, type RepoFiles } from '../support/fake-github.ts';

const SERVER = `import http from 'node:http';

const server = http.createServer((request, response) => response.end('ok'));
server.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close());
`;
const BASE: RepoFiles = { 'package.json': '{ "name": "hello-world", "private": true }\n', 'src/server.ts': SERVER };
/** Two findings on added lines: two review comments. */
const HEAD: RepoFiles = {
  ...BASE,
  'src/server.ts': SERVER.replace('Number(process.env.PORT ?? 3000)', '3000'),
  'src/admin.ts': SERVER.replace('Number(process.env.PORT ?? 3000)', '3001'),
};
const SECONDARY_RATE_LIMIT = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
};

let app: AppHarness;
useApp((started) => (app = started));

function mockReads(github = new FakeGitHub()): FakeGitHub {
  return github
    .pull()
    .config()
    .compare()
    .files(diffEntries(BASE, HEAD))
    .tree(HEAD_SHA, HEAD)
    .tree(MERGE_BASE_SHA, BASE, { optional: true })
    .blobs({ commit: HEAD_SHA, files: HEAD }, { commit: MERGE_BASE_SHA, files: BASE });
}

function routes(): string[] {
  return app.writes().map((request) => `${request.method} ${request.path}`);
}

function lastCheckRunWrite(): any {
  return app.writes().filter((request) => request.path.includes('/check-runs')).at(-1)!.body;
}

describe('a review comment GitHub rejects', () => {
  it('does not sink the others: they are posted one by one and the rejected one is listed in a review body', async () => {
    mockReads(new FakeGitHub().token()).checkRuns().reviewHistory().review({ status: 422 }).reviewComment().reviewComment({ status: 422 }).review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(routes().filter((route) => route.includes('/pulls/'))).toEqual([
      'POST /repos/Codertocat/Hello-World/pulls/2/reviews',
      'POST /repos/Codertocat/Hello-World/pulls/2/comments',
      'POST /repos/Codertocat/Hello-World/pulls/2/comments',
      'POST /repos/Codertocat/Hello-World/pulls/2/reviews',
    ]);
    const [first, second] = app.writes().filter((request) => request.path.endsWith('/comments'));
    expect(first!.body).toMatchObject({ path: 'src/admin.ts', line: 4, side: 'RIGHT', commit_id: HEAD_SHA });
    expect(second!.body).toMatchObject({ path: 'src/server.ts', line: 4 });
    const last = app.writes().at(-1)!.body;
    expect(last.comments).toEqual([]);
    expect(last.body).toContain('`src/server.ts:4`');
    expect(last.body).not.toContain('`src/admin.ts:4`');
    expect(lastCheckRunWrite()).toMatchObject({ conclusion: 'failure' });
  });
});

describe('GitHub failing', () => {
  it('retries server errors, then completes the check run neutral saying what failed, and hands the job back for a later attempt', async () => {
    const github = new FakeGitHub().token().pull().config().compare().checkRuns();
    github.scope.get('/repos/Codertocat/Hello-World/pulls/2/files').query(true).times(4).reply(502, { message: 'Server Error' });

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(app.requests.filter((request) => request.path.endsWith('/pulls/2/files'))).toHaveLength(4);
    expect(lastCheckRunWrite()).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'Review could not complete' } });
    expect(lastCheckRunWrite().output.summary).toContain('GitHub answered 502 on GET /repos/Codertocat/Hello-World/pulls/2/files');
    expect(lastCheckRunWrite().output.summary).toContain('**Re-run**');
    expect(app.jobErrors.splice(0)).toEqual([expect.objectContaining({ status: 502 })]);
  });

  it('retries a secondary rate limit a bounded number of times, then completes the check run neutral', async () => {
    const github = new FakeGitHub().token().pull().config();
    github.scope
      .post('/repos/Codertocat/Hello-World/check-runs')
      .times(MAX_RATE_LIMIT_RETRIES + 1)
      .reply(403, SECONDARY_RATE_LIMIT, { 'retry-after': '30' });
    github.checkRunCreated({ id: 7 });

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(routes().filter((route) => route.endsWith('/check-runs'))).toHaveLength(MAX_RATE_LIMIT_RETRIES + 2);
    expect(lastCheckRunWrite()).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(lastCheckRunWrite().output.summary).toContain("GitHub's secondary rate limit on POST /repos/Codertocat/Hello-World/check-runs");
  });

  it('does not wait an hour for the primary rate limit: neutral at once', async () => {
    const github = new FakeGitHub().token().pull().config().checkRuns();
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    github.scope
      .get(`/repos/Codertocat/Hello-World/compare/${'f95f852bd8fca8fcc58a9a2d6c842781e32a215e'}...${HEAD_SHA}`)
      .query(true)
      .reply(403, { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(lastCheckRunWrite()).toMatchObject({ conclusion: 'neutral' });
    expect(lastCheckRunWrite().output.summary).toContain("GitHub's rate limit");
  });

  it('keeps the conclusion when posting the review fails after the check run completed, and says so', async () => {
    const github = mockReads(new FakeGitHub().token()).checkRuns().reviewHistory();
    github.scope.post('/repos/Codertocat/Hello-World/pulls/2/reviews').times(4).reply(500, { message: 'Server Error' });

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const updates = app.writes().filter((request) => request.method === 'PATCH');
    expect(updates[0]!.body).toMatchObject({ conclusion: 'failure' });
    expect(updates.at(-1)!.body.conclusion).toBeUndefined();
    expect(updates.at(-1)!.body.output.text).toContain('Posting the annotations or review comments failed: GitHub answered 500 on POST');
    expect(app.jobErrors.splice(0)).toEqual([expect.objectContaining({ name: 'PublishingIncompleteError' })]);
  });
});
