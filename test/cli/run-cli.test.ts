import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { TOOL_VERSION } from '../../src/version.ts';

const directories: string[] = [];

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tfr-cli-'));
  directories.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false });
  return { code, stdout, stderr };
}

afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scan --format json', () => {
  it('prints the findings contract field for field and exits 1 on an error', async () => {
    const root = workspace({ 'src/server.ts': 'import express from "express";\nconst app = express();\n\napp.listen(3000);\n' });
    const { code, stdout, stderr } = await cli(['scan', '.', '--format', 'json'], root);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['tool', 'findings', 'summary']);
    expect(document.tool).toEqual({ name: 'twelve-factor-review', version: TOOL_VERSION });
    const finding = document.findings.find((f: { ruleId: string }) => f.ruleId === 'port-binding/no-hardcoded-port');
    expect(Object.keys(finding)).toEqual(['ruleId', 'factor', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint', 'fix']);
    expect(finding).toEqual({
      ruleId: 'port-binding/no-hardcoded-port',
      factor: 7,
      severity: 'error',
      path: 'src/server.ts',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 16,
      message: 'Port binding (VII): server listens on hard-coded port 3000; read it from process.env.PORT.',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      fix: { description: 'Read the port from the environment', replacement: 'app.listen(Number(process.env.PORT ?? 3000));' },
    });
    expect(Object.keys(document.summary)).toEqual(['filesScanned', 'filesSkipped', 'findings', 'byFactor', 'durationMs']);
    expect(document.summary).toMatchObject({ filesScanned: 1, filesSkipped: 0, findings: document.findings.length });
    expect(document.summary.byFactor['7']).toBe(1);
  });

  it('writes to --output and exits 0 with --fail-on never', async () => {
    const root = workspace({ 'src/server.ts': 'app.listen(3000);\n' });
    const { code, stdout } = await cli(['scan', '--format', 'json', '--output', 'out.json', '--fail-on', 'never'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(root, 'out.json'), 'utf8')).findings.length).toBeGreaterThan(0);
  });

  it('counts an unparsable file as skipped and still reviews the rest', async () => {
    const root = workspace({ 'src/broken.ts': 'function (\n', 'src/server.ts': 'app.listen(3000);\n' });
    const { code, stdout } = await cli(['scan', '--format', 'json'], root);
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(document.summary).toMatchObject({ filesScanned: 1, filesSkipped: 1 });
  });

  it('reports a suppression without a reason', async () => {
    const root = workspace({ 'src/server.ts': '// twelve-factor-ignore-next-line port-binding/no-hardcoded-port\napp.listen(3000);\n' });
    const { stdout } = await cli(['scan', '--format', 'json'], root);
    const ids = JSON.parse(stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`);
    expect(ids).toEqual(expect.arrayContaining(['suppression/missing-reason:1', 'port-binding/no-hardcoded-port:2']));
  });
});

describe('scan --base', () => {
  it('reports only what the branch adds as new, and fails only on new findings', async () => {
    const root = workspace({ 'src/a.ts': 'app.listen(3000);\n', 'src/b.ts': 'export const b = 1;\n' });
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    git(root, 'checkout', '--quiet', '-b', 'feature');
    write(root, { 'src/b.ts': 'export const b = 1;\nserver.listen(8080);\n', 'src/c.ts': 'other.listen(9090);\n' });
    git(root, 'add', 'src/b.ts');
    git(root, 'commit', '--quiet', '-m', 'change');

    const { code, stdout } = await cli(['scan', '--base', 'main', '--format', 'json'], root);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'port-binding/no-hardcoded-port');
    expect(findings.map((f: { path: string; line: number; status: string }) => `${f.path}:${f.line}:${f.status}`)).toEqual([
      'src/b.ts:2:new',
      'src/c.ts:1:new',
    ]);

    git(root, 'checkout', '--quiet', '--', '.');
    rmSync(path.join(root, 'src/c.ts'));
    write(root, { 'src/a.ts': '// touched\napp.listen(3000);\n' });
    const existingOnly = await cli(['scan', '--base', 'main', '--format', 'json'], root);
    const statuses = JSON.parse(existingOnly.stdout)
      .findings.filter((f: { ruleId: string }) => f.ruleId === 'port-binding/no-hardcoded-port')
      .map((f: { path: string; status: string }) => `${f.path}:${f.status}`);
    expect(statuses).toEqual(['src/a.ts:existing', 'src/b.ts:new']);
  });

  it('exits 0 when the branch adds nothing at or above fail-on, even with existing findings', async () => {
    const root = workspace({ 'src/a.ts': 'app.listen(3000);\n' });
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    write(root, { 'src/a.ts': 'app.listen(3000);\nexport const x = 1;\n' });
    const { code, stdout } = await cli(['scan', '--base', 'main'], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ no new findings, \d+ existing/);
    expect(stdout).toContain('port-binding/no-hardcoded-port [7 Port binding] (existing)');
  });

  it('names an unknown base ref in one line, exit 2', async () => {
    const root = workspace({ 'a.ts': '' });
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    const { code, stderr } = await cli(['scan', '--base', 'nope'], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^twelve-factor-review: --base nope: no such commit or branch in .+\n$/);
  });
});

describe('errors', () => {
  it('exits 2 with one line naming the key of a broken .twelve-factor.yml', async () => {
    const root = workspace({ '.twelve-factor.yml': 'fail_on: error\nrules:\n  port-binding/no-hardcodd-port: warning\n', 'a.ts': '' });
    const { code, stdout, stderr } = await cli(['scan'], root);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'twelve-factor-review: .twelve-factor.yml:3: rules.port-binding/no-hardcodd-port: unknown rule — did you mean port-binding/no-hardcoded-port?\n',
    );
  });

  it.each([
    [['lint'], 'unknown command "lint" (try --help)'],
    [[], 'missing command: scan or ci (try --help)'],
    [['scan', '--format', 'xml'], '--format xml: expected one of text, json, sarif, markdown'],
    [['scan', '--fail-on', 'sometimes'], '--fail-on sometimes: expected one of error, warning, notice, never'],
    [['scan', 'missing-dir'], 'missing-dir: not a directory'],
    [['scan', '--config', 'nope.yml'], 'nope.yml: cannot read the configuration (ENOENT)'],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const root = workspace({ 'a.ts': '' });
    const { code, stderr } = await cli(args, root);
    expect(code).toBe(2);
    expect(stderr).toBe(`twelve-factor-review: ${message}\n`);
  });

  it('rejects an unknown option', async () => {
    const { code, stderr } = await cli(['scan', '--fast'], workspace({}));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^twelve-factor-review: Unknown option '--fast'.* \(try --help\)\n$/);
  });
});

describe('scan --staged (the pre-commit hook)', () => {
  it('reviews what is staged, not unstaged edits or untracked files, and fails on new findings only', async () => {
    const root = workspace({ 'src/old.ts': 'app.listen(3000);\n', 'src/server.ts': 'export {};\n' });
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    write(root, { 'src/server.ts': 'export {};\napp.listen(4000);\n' });
    git(root, 'add', 'src/server.ts');
    write(root, { 'src/server.ts': 'export {};\napp.listen(4000);\napp.listen(5000);\n', 'src/untracked.ts': 'app.listen(6000);\n' });

    const { code, stdout } = await cli(['scan', '--staged', '--format', 'json'], root);

    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as { path: string; line: number; status: string; ruleId: string }[];
    const ports = findings.filter((finding) => finding.ruleId === 'port-binding/no-hardcoded-port');
    expect(ports.map(({ path: file, line, status }) => ({ path: file, line, status }))).toEqual([{ path: 'src/server.ts', line: 2, status: 'new' }]);
  });

  it('passes when nothing staged adds a finding', async () => {
    const root = workspace({ 'src/old.ts': 'app.listen(3000);\n' });
    git(root, 'init', '--quiet', '--initial-branch=main');
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '-m', 'base');
    write(root, { 'README.md': 'orders\n' });
    git(root, 'add', 'README.md');
    expect((await cli(['scan', '--staged'], root)).code).toBe(0);
  });
});
