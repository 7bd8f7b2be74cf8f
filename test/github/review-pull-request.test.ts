import { describe, expect, it } from 'vitest';
import { githubToken } from '../checks/secrets/fake-secret.ts';
import { fingerprintOf } from '../../src/engine/fingerprint.ts';
import { fingerprintMarker } from '../../src/report/review-comment.ts';
import { examplePayload, useApp, type AppHarness } from '../support/app-harness.ts';
import { diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, type FileContent, type RepoFiles } from '../support/fake-github.ts';

const PACKAGE_JSON = '{\n  "name": "hello-world",\n  "private": true,\n  "dependencies": { "winston": "^3.11.0" }\n}\n';
const SERVER_ENV_PORT = `import http from 'node:http';

const server = http.createServer((request, response) => response.end('ok'));
server.listen(Number(process.env.PORT ?? 3000));
process.on('SIGTERM', () => server.close());
`;
const SERVER_LITERAL_PORT = SERVER_ENV_PORT.replace('Number(process.env.PORT ?? 3000)', '3000');
const LOGGER = `import winston from 'winston';

export const logger = winston.createLogger({
  transports: [new winston.transports.File({ filename: 'app.log' })],
});
`;
const BASE: RepoFiles = { 'package.json': PACKAGE_JSON, 'package-lock.json': '{}\n', 'src/server.ts': SERVER_ENV_PORT };
const VIOLATING_HEAD: RepoFiles = { ...BASE, 'src/server.ts': SERVER_LITERAL_PORT, 'src/logger.ts': LOGGER };
const LOGGER_FINGERPRINT = fingerprintOf('logs/no-file-logging', 'src/logger.ts', "  transports: [new winston.transports.File({ filename: 'app.log' })],", 0);
const PORT_FINGERPRINT = fingerprintOf('port-binding/no-hardcoded-port', 'src/server.ts', 'server.listen(3000);', 0);

let app: AppHarness;
useApp((started) => (app = started));

/** Mocks every read of one pull request review, base → head. */
function mockReads(
  base: RepoFiles,
  head: RepoFiles,
  options: { config?: string; org?: string; diff?: Parameters<typeof diffEntries>[2]; pull?: Parameters<FakeGitHub['pull']>[0] } = {},
): FakeGitHub {
  const files = diffEntries(base, head, options.diff);
  return new FakeGitHub()
    .token()
    .pull({ changedFiles: files.length, ...options.pull })
    .config(options.config, options.org === undefined ? {} : { org: options.org })
    .compare()
    .files(files)
    .tree(HEAD_SHA, head)
    .tree(MERGE_BASE_SHA, base, { optional: true })
    .blobs({ commit: HEAD_SHA, files: head }, { commit: MERGE_BASE_SHA, files: base });
}

function routes(requests: AppHarness['requests']): string[] {
  return requests.map((request) => `${request.method} ${request.path}`);
}

function completion(): any {
  return app.writes().find((request) => request.method === 'PATCH' && request.body.status === 'completed')!.body;
}

describe('a pull request review', () => {
  it('completes a clean pull request as success and posts no review', async () => {
    const head = { ...BASE, 'README.md': '# Hello\n' };
    mockReads(BASE, head).checkRuns().reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(routes(app.writes().filter((request) => request.path !== '/graphql'))).toEqual([
      'POST /app/installations/1/access_tokens',
      'POST /repos/Codertocat/Hello-World/check-runs',
      'PATCH /repos/Codertocat/Hello-World/check-runs/1',
    ]);
    expect(app.writes()[1]!.body).toEqual({
      name: 'Twelve-Factor Review',
      head_sha: HEAD_SHA,
      external_id: `Codertocat/Hello-World#2@${HEAD_SHA}`,
      status: 'in_progress',
      started_at: '2025-01-02T03:04:05.000Z',
    });
    expect(completion()).toMatchObject({
      conclusion: 'success',
      completed_at: '2025-01-02T03:04:05.000Z',
      output: { title: 'No new issues — 12 of 12 factors clean', annotations: [] },
    });
  });

  it('fails a violating pull request, annotates it and comments on the added lines with suggestions', async () => {
    mockReads(BASE, VIOLATING_HEAD).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const output = completion().output;
    expect(completion().conclusion).toBe('failure');
    expect(output.title).toBe('2 new issues (2 errors) — 10 of 12 factors clean');
    expect(output.summary).toContain('| VII | Port binding | ❌ Error | 1 | 0 |');
    expect(output.annotations).toEqual([
      expect.objectContaining({ path: 'src/logger.ts', start_line: 4, end_line: 4, annotation_level: 'failure' }),
      expect.objectContaining({ path: 'src/server.ts', start_line: 4, end_line: 4, annotation_level: 'failure' }),
    ]);
    const review = app.writes().find((request) => request.path.endsWith('/pulls/2/reviews'))!.body;
    expect(review).toMatchObject({ commit_id: HEAD_SHA, event: 'COMMENT' });
    expect(review.comments.map((comment: any) => [comment.path, comment.line, comment.side])).toEqual([
      ['src/logger.ts', 4, 'RIGHT'],
      ['src/server.ts', 4, 'RIGHT'],
    ]);
    expect(review.comments[1].body).toContain('```suggestion\nserver.listen(Number(process.env.PORT ?? 3000));\n```');
    expect(review.comments[1].body).toContain(fingerprintMarker(PORT_FINGERPRINT));
    expect(review.comments[0].body).toContain(fingerprintMarker(LOGGER_FINGERPRINT));
    // One GraphQL query fetched every blob; four writes in all.
    expect(app.requests.filter((request) => request.path === '/graphql')).toHaveLength(1);
    expect(routes(app.writes()).filter((route) => route !== 'POST /graphql')).toHaveLength(4);
  });

  it('posts 120 annotations in batches of 50 and caps the comments at comments.max', async () => {
    const listens = Array.from({ length: 120 }, (_, index) => `server.listen(${3001 + index});`).join('\n');
    const head = { ...BASE, 'src/many.ts': `${SERVER_ENV_PORT}${listens}\n` };
    mockReads(BASE, head).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const updates = app.writes().filter((request) => request.method === 'PATCH');
    expect(updates.map((update) => update.body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(updates[0]!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates[1]!.body.status).toBeUndefined();
    const review = app.writes().find((request) => request.path.endsWith('/reviews'))!.body;
    expect(review.comments).toHaveLength(20);
    expect(review.body).toContain('20 have inline comments; 100 did not get one');
  });

  it('on a re-push with one finding fixed, posts nothing twice and resolves the fixed thread', async () => {
    const head = { ...VIOLATING_HEAD, 'src/server.ts': SERVER_ENV_PORT };
    mockReads(BASE, head)
      .checkRuns()
      .reviewHistory([
        { id: 501, body: `Logs (XI) …\n\n${fingerprintMarker(LOGGER_FINGERPRINT)}`, path: 'src/logger.ts', line: 4 },
        { id: 502, body: `Port binding (VII) …\n\n${fingerprintMarker(PORT_FINGERPRINT)}`, path: 'src/server.ts', line: 4 },
        { id: 503, body: `I quoted it: ${fingerprintMarker(PORT_FINGERPRINT)}`, bot: false },
      ])
      .threads(
        [
          { id: 'thread-501', commentId: 501 },
          { id: 'thread-502', commentId: 502 },
          { id: 'thread-503', commentId: 503 },
        ],
        { resolves: true },
      );

    await app.receive('pull_request', { ...examplePayload('pull_request', 'synchronize') });

    expect(completion()).toMatchObject({ conclusion: 'failure', output: { title: '1 new issue (1 error) — 11 of 12 factors clean' } });
    expect(app.writes().some((request) => request.path.endsWith('/reviews') || request.path.endsWith('/comments'))).toBe(false);
    const mutation = app.requests.find((request) => request.body?.query?.includes('resolveReviewThread'))!;
    expect(mutation.body.query).toContain('"thread-502"');
    expect(mutation.body.query).not.toContain('thread-501');
    expect(mutation.body.query).not.toContain('thread-503');
  });

  it('ignores a redelivered webhook', async () => {
    mockReads(BASE, VIOLATING_HEAD).checkRuns().reviewHistory().review();
    const payload = examplePayload('pull_request', 'opened');

    await app.receive('pull_request', payload, 'delivery-same');
    const sent = app.requests.length;
    await app.receive('pull_request', payload, 'delivery-same');

    expect(app.requests).toHaveLength(sent);
  });

  it('reviews a fork pull request entirely through the base repository', async () => {
    mockReads(BASE, VIOLATING_HEAD, { pull: { headRepository: 'forker/Hello-World' } }).checkRuns().reviewHistory().review();
    const payload = examplePayload('pull_request', 'opened');
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'forker/Hello-World', owner: { login: 'forker' }, fork: true };

    await app.receive('pull_request', payload);

    expect(app.requests.every((request) => !request.path.includes('forker'))).toBe(true);
    expect(completion().conclusion).toBe('failure');
    expect(app.writes().find((request) => request.path.endsWith('/reviews'))!.body.comments).toHaveLength(2);
  });

  it('skips deleted files, follows renames, skips binaries and counts files without a patch as existing', async () => {
    const base = {
      ...BASE,
      'src/old-name.ts': SERVER_ENV_PORT,
      'src/deleted.ts': 'server.listen(4000);\n',
      'src/huge-diff.ts': SERVER_ENV_PORT,
      'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]),
    };
    const head = {
      ...BASE,
      'src/new-name.ts': SERVER_LITERAL_PORT,
      'src/huge-diff.ts': SERVER_LITERAL_PORT,
      'src/generated-big.ts': SERVER_LITERAL_PORT,
      'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 2]),
    };
    mockReads(base, head, { diff: { renames: { 'src/new-name.ts': 'src/old-name.ts' }, withoutPatch: ['src/huge-diff.ts', 'src/generated-big.ts'] } })
      .checkRuns()
      .reviewHistory()
      .review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const { annotations, summary } = completion().output;
    expect(annotations.map((annotation: any) => [annotation.path, annotation.start_line, annotation.title.startsWith('[existing]')])).toEqual([
      ['src/generated-big.ts', 4, false],
      ['src/new-name.ts', 4, false],
      ['src/huge-diff.ts', 4, true],
    ]);
    expect(summary).toContain('assets/logo.png');
    const review = app.writes().find((request) => request.path.endsWith('/reviews'))!.body;
    // The renamed file's added line gets the comment; the new file without a patch has no diff lines to comment on.
    expect(review.comments.map((comment: any) => comment.path)).toEqual(['src/new-name.ts']);
    expect(review.body).toContain('src/generated-big.ts');
  });

  it('reports removing the only SIGTERM handler as a new finding at the untouched listen call', async () => {
    const server = `import http from 'node:http';\n\nconst server = http.createServer();\nserver.listen(Number(process.env.PORT ?? 3000));\nexport { server };\n`;
    const shutdown = `import { server } from './server.ts';\n\nprocess.on('SIGTERM', () => server.close());\n`;
    const base = { ...BASE, 'src/server.ts': server, 'src/shutdown.ts': shutdown };
    const head = { ...BASE, 'src/server.ts': server };
    mockReads(base, head).checkRuns().reviewHistory([], []).review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().conclusion).toBe('success');
    expect(completion().output.annotations).toEqual([
      expect.objectContaining({ path: 'src/server.ts', start_line: 4, annotation_level: 'warning', title: expect.stringContaining('disposability/missing-shutdown-handler') }),
    ]);
    const review = app.writes().find((request) => request.path.endsWith('/reviews'))!.body;
    expect(review.comments).toEqual([]);
    expect(review.body).toContain('disposability/missing-shutdown-handler');
  });
});

describe('large pull requests', () => {
  it('reads the file list page by page and, when GitHub stopped listing, never calls the rest clean', async () => {
    const head: Record<string, FileContent> = { ...BASE };
    for (let index = 0; index < 150; index++) head[`docs/page-${index}.md`] = `# Page ${index}\n`;
    mockReads(BASE, head, { pull: { changedFiles: 3100 } }).checkRuns().reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(app.requests.filter((request) => request.path.endsWith('/pulls/2/files')).map((request) => request.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
    ]);
    expect(completion()).toMatchObject({ conclusion: 'neutral', output: { title: '2950 changed files could not be read — Re-run · No new issues' } });
    expect(completion().output.summary).toContain('150 scanned, 0 skipped, 2950 not reviewed');
    expect(completion().output.summary).toContain("- 2950 more changed files, left out of GitHub's listing of the pull request's files (it lists at most 3,000)");
  });
});

describe('configuration', () => {
  it('reads the default branch, follows _extends to the organisation and lets the repository override', async () => {
    const repoConfig = '_extends: .github\nrules:\n  port-binding/no-hardcoded-port: warning\n';
    const orgConfig = 'fail_on: warning\ncomments:\n  enabled: false\n';
    const github = mockReads(BASE, { ...BASE, 'src/server.ts': SERVER_LITERAL_PORT }, { config: repoConfig }).checkRuns();
    github.scope.get('/repos/Codertocat/.github/contents/.github%2Ftwelve-factor.yml').reply(200, orgConfig);

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().conclusion).toBe('failure');
    expect(completion().output.annotations[0].annotation_level).toBe('warning');
    expect(completion().output.summary).toContain('.github/twelve-factor.yml (default branch), extending Codertocat/.github:.github/twelve-factor.yml');
    // comments.enabled: false from the organisation: no review reads, no review.
    expect(app.requests.some((request) => request.path.includes('/pulls/2/comments'))).toBe(false);
  });

  it('completes the check run neutral naming the file, line and key of an invalid configuration', async () => {
    new FakeGitHub().token().pull().config('fail_on: error\nrules:\n  port-binding/no-hardcodd-port: warning\n').checkRuns();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion()).toMatchObject({ conclusion: 'neutral', output: { title: 'Configuration error' } });
    expect(completion().output.summary).toContain(
      'Codertocat/Hello-World:.github/twelve-factor.yml:3: rules.port-binding/no-hardcodd-port: unknown rule — did you mean port-binding/no-hardcoded-port?',
    );
    expect(completion().output.summary).toContain('Re-run');
  });

  it('says when the pull request edits the configuration, and warns when that edit is invalid', async () => {
    const head = { ...BASE, '.github/twelve-factor.yml': 'fail_on: sometimes\n' };
    mockReads(BASE, head).checkRuns().reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().conclusion).toBe('success');
    expect(completion().output.summary).toMatch(/twelve-factor\.yml[^\n]*merged/);
    expect(completion().output.text).toContain('.github/twelve-factor.yml:1: fail_on');
  });

  it('says when the pull request deletes the configuration', async () => {
    const base = { ...BASE, '.github/twelve-factor.yml': 'fail_on: warning\n' };
    mockReads(base, BASE, { config: 'fail_on: warning\n' }).checkRuns().reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().output.text).toBe('This pull request deletes `.github/twelve-factor.yml`: once merged, the organisation\'s defaults (or the built-in ones) apply.');
  });
});

describe('a pull request changing Python files', () => {
  const token = githubToken('python-pull-request');
  const appPy = 'import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\n\n\n@app.get("/")\ndef index():\n    return {"ok": True}\n';
  const base: RepoFiles = { 'requirements.txt': 'Flask==3.0.3\n', 'app.py': appPy };
  const head: RepoFiles = {
    'requirements.txt': 'Flask==3.0.3\naiohttp==3.9.5\n',
    'app.py': appPy.replace('\n\n\n@app.get', `\nGITHUB_TOKEN = "${token}"\n\n\n@app.get`),
    'health.py':
      'import os\n\nfrom aiohttp import web\n\n\nasync def healthz(request):\n    return web.json_response({"ok": True})\n\n\napp = web.Application()\napp.router.add_get("/healthz", healthz)\nweb.run_app(app, port=8080)\n',
  };

  it('annotates and comments on the Python lines it added, with a suggestion for the port', async () => {
    mockReads(base, head).checkRuns().reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion()).toMatchObject({ conclusion: 'failure', output: { title: '2 new issues (2 errors) — 10 of 12 factors clean' } });
    expect(completion().output.annotations).toEqual([
      expect.objectContaining({ path: 'app.py', start_line: 7, end_line: 7, annotation_level: 'failure', title: expect.stringContaining('secrets/github-token') }),
      expect.objectContaining({ path: 'health.py', start_line: 12, end_line: 12, annotation_level: 'failure', title: expect.stringContaining('port-binding/no-hardcoded-port') }),
    ]);
    const review = app.writes().find((request) => request.path.endsWith('/pulls/2/reviews'))!.body;
    expect(review.comments.map((comment: any) => [comment.path, comment.line, comment.side])).toEqual([
      ['app.py', 7, 'RIGHT'],
      ['health.py', 12, 'RIGHT'],
    ]);
    expect(review.comments[1].body).toContain('```suggestion\nweb.run_app(app, port=int(os.environ.get("PORT", 8080)))\n```');
    expect(review.comments[0].body).toContain('GitHub token ghp\\_\\*\\*\\*\\* is committed');
    expect(JSON.stringify(app.requests)).not.toContain(token);
  });
});
