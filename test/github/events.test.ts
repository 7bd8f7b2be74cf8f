import { describe, expect, it } from 'vitest';
import { examplePayload, startApp, useApp, type AppHarness } from '../support/app-harness.ts';
import { diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, type FileContent, type RepoFiles } from '../support/fake-github.ts';

const SERVER = `import http from 'node:http';

const server = http.createServer((request, response) => response.end('ok'));
server.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close());
`;
const BASE: RepoFiles = { 'package.json': '{ "name": "hello-world", "private": true }\n', 'src/server.ts': SERVER };
const HEAD: RepoFiles = { ...BASE, 'src/server.ts': SERVER.replace('Number(process.env.PORT ?? 3000)', '3000') };

/** The merge group example's commits. */
const GROUP_HEAD = '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d';
const GROUP_BASE = '380387fbc80638b734a49e1be1c4dfec1c01b33c';

let app: AppHarness;
useApp((started) => (app = started));

function completion(harness = app): any {
  return harness.writes().find((request) => request.method !== 'GET' && request.body?.status === 'completed')!.body;
}

/** The reads of a review after the pull request and the configuration. */
function mockChangeset(github: FakeGitHub, options: { baseSha?: string; headSha?: string; mergeBase?: string; files?: 'pull' | 'compare' } = {}): FakeGitHub {
  const headSha = options.headSha ?? HEAD_SHA;
  const mergeBase = options.mergeBase ?? MERGE_BASE_SHA;
  const entries = diffEntries(BASE, HEAD);
  github.compare({
    ...(options.baseSha && { baseSha: options.baseSha }),
    headSha,
    mergeBase,
    ...(options.files === 'compare' && { files: entries }),
  });
  if (options.files !== 'compare') github.files(entries);
  return github
    .tree(headSha, HEAD)
    .tree(mergeBase, BASE, { optional: true })
    .blobs({ commit: headSha, files: HEAD }, { commit: mergeBase, files: BASE });
}

describe('draft pull requests', () => {
  it('are skipped with a completed "skipped" check run, without reading the changes', async () => {
    new FakeGitHub().token().pull({ draft: true }).config().checkRunCreated();
    const payload = examplePayload('pull_request', 'opened');
    payload.pull_request.draft = true;

    await app.receive('pull_request', payload);

    expect(app.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /app/installations/1/access_tokens',
      'POST /repos/Codertocat/Hello-World/check-runs',
    ]);
    expect(app.writes()[1]!.body).toMatchObject({
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'skipped',
      output: { title: 'Skipped: draft pull request' },
    });
  });

  it('are reviewed when the configuration sets review_drafts', async () => {
    mockChangeset(new FakeGitHub().token().pull({ draft: true }).config('review_drafts: true\n')).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().conclusion).toBe('failure');
  });

  it('are reviewed once marked ready for review', async () => {
    mockChangeset(new FakeGitHub().token().pull().config()).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'ready_for_review'));

    expect(completion().conclusion).toBe('failure');
  });
});

describe('merge queues', () => {
  it('check the merge group head against its base, without review comments', async () => {
    mockChangeset(new FakeGitHub().token().config(), {
      baseSha: GROUP_BASE,
      headSha: GROUP_HEAD,
      mergeBase: GROUP_BASE,
      files: 'compare',
    }).checkRuns();
    const payload = examplePayload('merge_group', 'checks_requested');
    payload.repository = examplePayload('pull_request', 'opened').repository;

    await app.receive('merge_group', payload);

    expect(app.writes().find((request) => request.path.endsWith('/check-runs'))!.body).toMatchObject({
      head_sha: GROUP_HEAD,
      external_id: `Codertocat/Hello-World+merge-group@${GROUP_HEAD}`,
    });
    expect(completion()).toMatchObject({ conclusion: 'failure', output: { annotations: [expect.objectContaining({ path: 'src/server.ts' })] } });
    expect(app.requests.some((request) => request.path.includes('/pulls/'))).toBe(false);
  });

  it('finds the changes beyond the 300 files a comparison lists by comparing the trees', async () => {
    const head: Record<string, FileContent> = { ...HEAD };
    for (let index = 0; index < 300; index++) head[`docs/page-${index}.md`] = `# Page ${index}\n`;
    const entries = diffEntries(BASE, head);
    const listed = entries.filter((entry) => entry.filename !== 'src/server.ts').slice(0, 300);
    new FakeGitHub()
      .token()
      .config()
      .compare({ baseSha: GROUP_BASE, headSha: GROUP_HEAD, mergeBase: GROUP_BASE, files: listed })
      .tree(GROUP_HEAD, head)
      .tree(GROUP_BASE, BASE)
      .blobs({ commit: GROUP_HEAD, files: head }, { commit: GROUP_BASE, files: BASE })
      .checkRuns();
    const payload = examplePayload('merge_group', 'checks_requested');
    payload.repository = examplePayload('pull_request', 'opened').repository;

    await app.receive('merge_group', payload);

    // src/server.ts is missing from the comparison: found by the tree comparison, reviewed whole, its findings existing.
    expect(completion().output.annotations).toEqual([
      expect.objectContaining({ path: 'src/server.ts', title: expect.stringMatching(/^\[existing\]/) }),
    ]);
    expect(completion().output.summary).toContain('301 scanned');
  });
});

describe('re-runs', () => {
  it('check_suite.rerequested reviews the suite head again', async () => {
    mockChangeset(new FakeGitHub().token().pull().config()).checkRuns().reviewHistory().review();

    const payload = examplePayload('check_suite', 'rerequested');
    payload.installation.id = 1;

    await app.receive('check_suite', payload);

    expect(completion().conclusion).toBe('failure');
  });

  it('check_run.rerequested on our check finds a fork pull request by its head commit', async () => {
    const github = new FakeGitHub().token();
    github.scope
      .get(`/repos/Codertocat/Hello-World/commits/${HEAD_SHA}/pulls`)
      .reply(200, [{ number: 2, state: 'open', head: { sha: HEAD_SHA } }]);
    mockChangeset(github.pull({ headRepository: 'forker/Hello-World' }).config()).checkRuns().reviewHistory().review();
    const payload = examplePayload('check_run', 'rerequested');
    payload.repository = examplePayload('pull_request', 'opened').repository;
    payload.check_run.name = 'Twelve-Factor Review';
    payload.check_run.head_sha = HEAD_SHA;

    await app.receive('check_run', payload);

    expect(completion().conclusion).toBe('failure');
    expect(app.writes().find((request) => request.path.endsWith('/check-runs'))!.body.external_id).toMatch(/^Codertocat\/Hello-World@.*\+rerun-/);
  });

  it("check_run.rerequested on another app's check is ignored", async () => {
    await app.receive('check_run', examplePayload('check_run', 'rerequested'));

    expect(app.requests).toEqual([]);
  });

  it('a job whose SHA is no longer the head of the pull request is dropped', async () => {
    new FakeGitHub().token().pull({ headSha: 'a'.repeat(40) });

    await app.receive('pull_request', examplePayload('pull_request', 'synchronize'));

    expect(app.writes().map((request) => request.path)).toEqual(['/app/installations/1/access_tokens']);
  });
});

describe('logs', () => {
  it('carry the delivery, repository, pull request and SHA, and never the token or the key', async () => {
    mockChangeset(new FakeGitHub().token().pull().config()).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'), 'delivery-logs');

    const jobLines = app.logs().filter((line) => line.job !== undefined || line.name === 'github');
    expect(jobLines.length).toBeGreaterThan(0);
    for (const line of jobLines) {
      expect(line).toMatchObject({ deliveryId: 'delivery-logs', repo: 'Codertocat/Hello-World', pr: 2, sha: HEAD_SHA });
    }
    expect(app.logs().some((line) => line.msg === 'review completed')).toBe(true);
    const text = JSON.stringify(app.logs());
    expect(text).not.toContain('ghs_test-installation-token');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('server.listen(3000)');
  });
});

describe('GitHub Enterprise Server', () => {
  it('is reached through the configured base URL (GHE_HOST), REST and GraphQL alike', async () => {
    const ghes = await startApp({ baseUrl: 'https://ghe.example.com/api/v3' });
    mockChangeset(new FakeGitHub({ baseUrl: 'https://ghe.example.com/api/v3' }).token().pull().config())
      .checkRuns()
      .reviewHistory()
      .review();

    await ghes.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion(ghes).conclusion).toBe('failure');
    expect(ghes.problems).toEqual([]);
  });
});
