import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import type { Log } from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { MAX_WORKFLOW_ANNOTATIONS_PER_STEP } from '../../src/cli/workflow-commands.ts';
import { FINGERPRINT_KEY } from '../../src/report/sarif.ts';
import { examplePayload, UNSPACED } from '../support/app-harness.ts';
import { FakeGitHub, OWNER, PULL_NUMBER, REPO } from '../support/fake-github.ts';
import { recordingFetch, type RecordedRequest } from '../support/github-openapi.ts';
import { validateSarif } from '../support/sarif-schema.ts';

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
const BASE_FILES = {
  'package.json': '{ "name": "orders", "dependencies": { "express": "4.21.2" } }\n',
  'src/server.ts': 'import express from "express";\nconst app = express();\n\napp.listen(Number(process.env.PORT));\n',
};
/**
 * The pull request: a hard-coded port (an error with a one-click fix) on a server nothing
 * stops gracefully (a warning), and a hard-coded password.
 */
const HEAD_FILES = {
  'src/server.ts': 'import express from "express";\nconst app = express();\n\napp.listen(3000);\n',
  // twelve-factor-ignore-next-line secrets/generic-password -- a deliberate fake credential: the tests check it is never printed whole
  'src/db.ts': 'export const settings = { user: "orders", password: "Tr0ub4dor-and-3" };\n',
};

const directories: string[] = [];

function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  directories.push(directory);
  return directory;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

/** A repository whose `main` is the base and whose branch `change` is the pull request's head. */
function pullRequestRepository(): { root: string; baseSha: string; headSha: string } {
  const root = temporaryDirectory('tfr-ci-repo-');
  git(root, 'init', '--quiet', '--initial-branch=main');
  write(root, BASE_FILES);
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '-m', 'base');
  const baseSha = git(root, 'rev-parse', 'HEAD');
  git(root, 'checkout', '--quiet', '-b', 'change');
  write(root, HEAD_FILES);
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '-m', 'change');
  return { root, baseSha, headSha: git(root, 'rev-parse', 'HEAD') };
}

/** The Actions environment of a `pull_request` job: @octokit/webhooks-examples' payload pointed at the fixture's commits. */
function actionsEnvironment(workspace: string, commits: { baseSha: string; headSha: string }, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const runner = temporaryDirectory('tfr-ci-runner-');
  const event = examplePayload('pull_request', 'opened');
  event.pull_request.head.sha = commits.headSha;
  event.pull_request.base.sha = commits.baseSha;
  writeFileSync(path.join(runner, 'event.json'), JSON.stringify(event));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: path.join(runner, 'step-summary.md'),
    GITHUB_TOKEN: TOKEN,
    ...extra,
  };
}

let requests: RecordedRequest[];
let problems: string[];

async function ci(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['ci', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    isTTY: false,
    env,
    github: { fetch: recordingFetch(requests, problems), retryDelayScale: 0, throttle: { write: UNSPACED, notifications: UNSPACED }, now: () => new Date('2025-01-02T03:04:05Z') },
  });
  return { code, stdout, stderr };
}

beforeEach(() => {
  nock.disableNetConnect();
  requests = [];
  problems = [];
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  expect(problems).toEqual([]);
  expect(pending).toEqual([]);
});

describe('ci in a GitHub Actions pull_request job', () => {
  it('publishes the check run, annotations and one review with a suggestion, and writes the step summary', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository);
    new FakeGitHub().config().checkRuns().reviewHistory([]).review();

    const { code, stdout, stderr } = await ci([], repository.root, env);

    expect(stderr).toBe('');
    expect(code).toBe(1);
    const created = requests.find((request) => request.method === 'POST' && request.path.endsWith('/check-runs'))!;
    expect(created.body).toMatchObject({ name: 'Twelve-Factor Review', head_sha: repository.headSha, status: 'in_progress' });
    const completed = requests.find((request) => request.method === 'PATCH' && request.body.status === 'completed')!;
    expect(completed.path).toBe(`/repos/${OWNER}/${REPO}/check-runs/1`);
    expect(completed.body.conclusion).toBe('failure');
    expect(completed.body.output.title).toMatch(/^3 new issues \(2 errors, 1 warning\) — \d+ of 12 factors clean$/);
    const annotations = completed.body.output.annotations as { path: string; start_line: number; annotation_level: string }[];
    expect(annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'src/server.ts', start_line: 4, annotation_level: 'failure' }),
        expect.objectContaining({ path: 'src/db.ts', start_line: 1, annotation_level: 'failure' }),
        expect.objectContaining({ path: 'src/server.ts', start_line: 4, annotation_level: 'warning' }),
      ]),
    );
    expect(annotations).toHaveLength(3);
    const review = requests.find((request) => request.method === 'POST' && request.path.endsWith(`/pulls/${PULL_NUMBER}/reviews`))!;
    expect(review.body).toMatchObject({ commit_id: repository.headSha, event: 'COMMENT' });
    const comments = review.body.comments as { path: string; line: number; side: string; body: string }[];
    expect(comments.map(({ path: file, line, side }) => ({ path: file, line, side }))).toEqual(
      expect.arrayContaining([
        { path: 'src/server.ts', line: 4, side: 'RIGHT' },
        { path: 'src/db.ts', line: 1, side: 'RIGHT' },
      ]),
    );
    const portComment = comments.find((comment) => comment.path === 'src/server.ts')!.body;
    expect(portComment).toContain('```suggestion\napp.listen(Number(process.env.PORT ?? 3000));\n```');
    expect(portComment).toMatch(/<!-- twelve-factor-review:fingerprint=[0-9a-f]{32} -->/);
    expect(JSON.stringify(requests)).not.toContain('Tr0ub4dor-and-3');
    expect(comments).toHaveLength(3);
    expect(stdout).toContain('Check run "Twelve-Factor Review": 3 new issues (2 errors, 1 warning)');
    expect(stdout).toMatch(/— 3 annotations, 3 review comments\n$/);
    expect(stdout).not.toContain('Tr0ub4dor-and-3');

    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary.split('\n').slice(0, 3)).toEqual(['## Twelve-Factor Review', '', expect.stringMatching(/^\*\*3 new issues \(2 errors, 1 warning\)/)]);
    expect(summary).toContain('**❌ Failing**');
    expect(summary).not.toContain('Tr0ub4dor-and-3');
  });

  it('resolves the thread of an earlier comment whose finding is gone, and posts no comment twice', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository);
    const first = new FakeGitHub().config().checkRuns().reviewHistory([]).review();
    await ci(['--fail-on', 'never'], repository.root, env);
    const posted = requests.find((request) => request.path.endsWith('/reviews'))!.body.comments as { path: string; line: number; body: string }[];
    expect(first.scope.isDone()).toBe(true);
    nock.cleanAll();

    const earlier = [...posted.map((comment, index) => ({ id: 10 + index, body: comment.body, path: comment.path, line: comment.line })), { id: 99, body: 'old <!-- twelve-factor-review:fingerprint=0123456789abcdef0123456789abcdef -->' }];
    new FakeGitHub().config().checkRuns({ id: 2 }).reviewHistory(earlier).threads([{ id: 'THREAD_99', commentId: 99 }], { resolves: true });
    requests = [];
    const { code } = await ci([], repository.root, env);

    expect(code).toBe(1);
    expect(requests.some((request) => request.path.endsWith('/reviews'))).toBe(false);
    expect(requests.filter((request) => request.path === '/graphql').map((request) => request.body.query as string).join('\n')).toContain('resolveReviewThread(input: { threadId: "THREAD_99" })');
  });

  it('falls back to workflow-command annotations and the job summary when the token may not write checks', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository);
    const github = new FakeGitHub().config();
    github.scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(403, { message: 'Resource not accessible by integration' });

    const { code, stdout } = await ci([], repository.root, env);

    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines).toContain(
      'twelve-factor-review: the token may not write checks or reviews (GitHub answered 403 on POST /repos/Codertocat/Hello-World/check-runs; a pull request from a fork gets a read-only GITHUB_TOKEN); reporting through workflow annotations and the job summary instead',
    );
    const errors = lines.filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(2);
    expect(errors).toContain(
      '::error file=src/server.ts,line=4,endLine=4,col=1,endColumn=15,title=Server listens on a hard-coded port (port-binding/no-hardcoded-port)::Port binding (VII): server listens on hard-coded port 3000; read it from process.env.PORT.',
    );
    expect(errors.find((line) => line.includes('file=src/db.ts'))).toMatch(/^::error file=src\/db\.ts,line=1,endLine=1,col=\d+,endColumn=\d+,title=[^:]+ \(secrets\/generic-password\)::/);
    const warnings = lines.filter((line) => line.startsWith('::warning '));
    expect(warnings).toEqual([expect.stringMatching(/^::warning file=src\/server\.ts,line=4,.*\(disposability\/missing-shutdown-handler\)::/)]);
    expect(stdout).not.toContain('Tr0ub4dor-and-3');
    expect(requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs 403`,
    ]);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toContain('> Not published as a check run: the token may not write checks or reviews');
    expect(summary).toContain('**❌ Failing**');
  });

  it('escapes workflow-command properties and keeps to GitHub\'s per-step limits', async () => {
    const root = temporaryDirectory('tfr-ci-many-');
    git(root, 'init', '--quiet', '--initial-branch=main');
    write(root, { 'README.md': 'orders\n' });
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    const baseSha = git(root, 'rev-parse', 'HEAD');
    const servers = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`src/a,b:${index}.ts`, `app.listen(${3000 + index});\n`]));
    write(root, servers);
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'change');
    const env = actionsEnvironment(root, { baseSha, headSha: git(root, 'rev-parse', 'HEAD') }, { GITHUB_TOKEN: '' });

    const { code, stdout } = await ci([], root, env);

    expect(code).toBe(1);
    expect(stdout).toContain('twelve-factor-review: GITHUB_TOKEN is not set; reporting through workflow annotations and the job summary instead');
    const errors = stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(MAX_WORKFLOW_ANNOTATIONS_PER_STEP.error);
    expect(errors[0]).toMatch(/^::error file=src\/a%2Cb%3A\d+\.ts,line=1,/);
    expect(stdout).toContain('2 more findings are not annotated (GitHub shows at most 10 errors, 10 warnings and 10 notices per step)');
    expect(requests).toEqual([]);
  });

  it('writes SARIF 2.1.0 with partial fingerprints for code scanning', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository, { GITHUB_TOKEN: '' });
    const sarifFile = path.join(temporaryDirectory('tfr-ci-sarif-'), 'review.sarif');

    const { code } = await ci(['--sarif', sarifFile], repository.root, env);

    expect(code).toBe(1);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = log.runs[0]!.results!;
    expect(results.map((result) => result.ruleId)).toEqual(expect.arrayContaining(['port-binding/no-hardcoded-port', 'secrets/generic-password']));
    for (const result of results) expect(result.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    expect(results.every((result) => result.baselineState === 'new')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Tr0ub4dor-and-3');
  });

  it('gives a merge group the check run alone', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository, { GITHUB_EVENT_NAME: 'merge_group' });
    const event = examplePayload('merge_group', 'checks_requested');
    event.merge_group.head_sha = repository.headSha;
    event.merge_group.base_sha = repository.baseSha;
    writeFileSync(env.GITHUB_EVENT_PATH!, JSON.stringify(event));
    new FakeGitHub().config().checkRuns();

    const { code } = await ci([], repository.root, env);

    expect(code).toBe(1);
    expect(requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.body.status}`)).toEqual(['POST in_progress', 'PATCH completed']);
    expect(requests.find((request) => request.method === 'POST')!.body.head_sha).toBe(repository.headSha);
  });

  it('says in one line to use fetch-depth: 0 when a shallow clone lacks the base commit', async () => {
    const repository = pullRequestRepository();
    const shallow = path.join(temporaryDirectory('tfr-ci-shallow-'), 'checkout');
    git(repository.root, 'clone', '--quiet', '--depth=1', '--branch=change', `file://${repository.root}`, shallow);
    const env = actionsEnvironment(shallow, repository);

    const { code, stdout, stderr } = await ci([], shallow, env);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`twelve-factor-review: a shallow clone lacks the base commit ${repository.baseSha.slice(0, 12)}: check out with \`fetch-depth: 0\` (actions/checkout)\n`);
    expect(existsSync(env.GITHUB_STEP_SUMMARY!)).toBe(false);
  });

  it('names the variable when the Actions environment is incomplete', async () => {
    const repository = pullRequestRepository();
    const env = actionsEnvironment(repository.root, repository, { GITHUB_EVENT_PATH: '' });
    const { code, stderr } = await ci([], repository.root, env);
    expect(code).toBe(2);
    expect(stderr).toBe('twelve-factor-review: GITHUB_EVENT_PATH is not set: ci reads the GitHub Actions environment\n');
  });
});

describe('ci outside GitHub Actions', () => {
  it('reviews what the branch changes since the default branch, as text, with the exit code of fail_on', async () => {
    const repository = pullRequestRepository();
    const { code, stdout, stderr } = await ci([], repository.root, {});
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('src/server.ts');
    expect(stdout).toMatch(/4:1\s+error\s+.*port-binding\/no-hardcoded-port.*\(new\)/);
    expect(stdout).not.toContain('::error');
    expect(requests).toEqual([]);

    const passing = await ci(['--fail-on', 'never'], repository.root, {});
    expect(passing.code).toBe(0);
  });
});
