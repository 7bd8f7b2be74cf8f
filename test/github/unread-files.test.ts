import { describe, expect, it } from 'vitest';
import { examplePayload, useApp, type AppHarness } from '../support/app-harness.ts';
import { diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, type RepoFiles } from '../support/fake-github.ts';

const PACKAGE_JSON = '{\n  "name": "hello-world",\n  "private": true,\n  "dependencies": { "winston": "^3.11.0" }\n}\n';
const BASE: RepoFiles = { 'package.json': PACKAGE_JSON, 'package-lock.json': '{}\n' };
const module = (index: number) => `export const feature${index} = () => process.env.FEATURE_${index} === 'on';\n`;

let app: AppHarness;
useApp((started) => (app = started));

/** A pull request base → head whose blobs GitHub answers for `readable` only (null for the rest). */
function mockReads(head: RepoFiles, readable: RepoFiles, readableBase: RepoFiles = BASE): FakeGitHub {
  const files = diffEntries(BASE, head);
  return new FakeGitHub()
    .token()
    .pull({ changedFiles: files.length })
    .config()
    .compare()
    .files(files)
    .tree(HEAD_SHA, head)
    .tree(MERGE_BASE_SHA, BASE, { optional: true })
    .blobs({ commit: HEAD_SHA, files: readable }, { commit: MERGE_BASE_SHA, files: readableBase })
    .checkRuns();
}

function completion(): any {
  return app.writes().find((request) => request.method === 'PATCH' && request.body.status === 'completed')!.body;
}

describe('changed files GitHub does not return', () => {
  it('names them under "Not reviewed" and concludes neutral, never success', async () => {
    const head: Record<string, RepoFiles[string]> = { ...BASE };
    for (let index = 1; index <= 12; index++) head[`src/feature-${index}.ts`] = module(index);
    head['assets/logo.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]);
    head['src/billing.ts'] = module(13);
    head['src/orders.ts'] = module(14);
    const { 'src/billing.ts': _billing, 'src/orders.ts': _orders, ...readable } = head;
    mockReads(head, readable).reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const { conclusion, output } = completion();
    console.info(`summary of a review with two unreadable files:\n${output.title}\n\n${output.summary}`);
    expect(conclusion).toBe('neutral');
    expect(output.title).toBe('2 changed files could not be read — Re-run · No new issues');
    expect(output.summary).toContain('**⚠️ Not fully reviewed** — 2 changed files could not be read — Re-run');
    expect(output.summary).toContain('**Files:** 12 scanned, 1 skipped, 2 not reviewed');
    expect(output.summary).toContain('- `src/billing.ts` — GitHub did not return its content\n- `src/orders.ts` — GitHub did not return its content');
  });

  it('keeps a failing conclusion failing, and still names the unread files', async () => {
    const head: RepoFiles = { ...BASE, 'src/server.ts': "import http from 'node:http';\nhttp.createServer().listen(3000);\n", 'src/orders.ts': module(1) };
    const { 'src/orders.ts': _orders, ...readable } = head;
    mockReads(head, readable).reviewHistory().review();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    expect(completion().conclusion).toBe('failure');
    expect(completion().output.title).toMatch(/^1 changed file could not be read — Re-run · \d+ new issues? \(/);
    expect(completion().output.summary).toContain('- `src/orders.ts` — GitHub did not return its content');
  });
});

describe('repository files the rules need but GitHub does not return', () => {
  it('withholds the findings that depend on them instead of guessing, and says so', async () => {
    const head: RepoFiles = { ...BASE, 'src/log.ts': "import winston from 'winston';\n\nexport const logger = winston.createLogger();\n" };
    const { 'package.json': _manifest, ...readable } = head;
    const { 'package.json': _baseManifest, ...readableBase } = BASE;
    mockReads(head, readable, readableBase).reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const { conclusion, output } = completion();
    expect(conclusion).toBe('neutral');
    expect(output.title).toBe('1 repository file the rules need could not be read — Re-run · No new issues');
    expect(output.summary).toContain('### Repository files not read');
    expect(output.summary).toMatch(/- `package\.json` — GitHub did not return its content — findings of `dependencies\/no-undeclared-import`/);
    expect(output.annotations).toEqual([]);
  });
});

describe('changed code no factor rule reads', () => {
  it('says the Go files got secret scanning only, and claims no clean factors for them', async () => {
    const go = 'package main\n\nfunc main() {}\n';
    const head: RepoFiles = { ...BASE, 'cmd/api/main.go': go, 'cmd/worker/main.go': go, 'internal/db/db.go': go };
    mockReads(head, head).reviewHistory();

    await app.receive('pull_request', examplePayload('pull_request', 'opened'));

    const { conclusion, output } = completion();
    expect(conclusion).toBe('success');
    expect(output.title).toBe('No new issues — 3 Go files: secrets only — factor rules do not read Go yet');
    expect(output.summary).toContain('### Secrets only\n\n- 3 Go files: secrets only — factor rules do not read Go yet');
  });
});
