import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

/** Paths whose open fails, by error code: permission bits cannot stop a root user, so the error is injected. */
const failing = new Map<string, string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((file: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    const code = failing.get(path.basename(String(file)));
    if (code) throw Object.assign(new Error(`${code}: open '${String(file)}'`), { code });
    return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const directories: string[] = [];

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tfr-unreadable-'));
  directories.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, isTTY: false });
  return { code, stdout, stderr };
}

afterEach(() => {
  failing.clear();
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scan with files it cannot read', () => {
  it('names each one with its reason and exits 2 when nothing else fails', async () => {
    const root = workspace({ 'src/ok.ts': 'export const ok = 1;\n', 'src/secret-store.ts': 'export const a = 1;\n', 'src/gone.ts': 'export const b = 2;\n' });
    failing.set('secret-store.ts', 'EACCES').set('gone.ts', 'ENOENT');

    const { code, stdout } = await cli(['scan', '.'], root);

    expect(stdout).toContain('⚠ no findings in what was read; 2 files could not be read');
    expect(stdout).toContain('1 files scanned, 0 skipped, 2 not read');
    expect(stdout).toContain('  not read src/gone.ts: deleted during the review');
    expect(stdout).toContain('  not read src/secret-store.ts: permission denied');
    expect(code).toBe(2);
  });

  it('exits 1 when a finding fails the run, unread files or not', async () => {
    const root = workspace({ 'src/server.ts': "import http from 'node:http';\nhttp.createServer().listen(3000);\n", 'src/locked.ts': 'export const a = 1;\n' });
    failing.set('locked.ts', 'EACCES');

    const { code, stdout } = await cli(['scan', '.'], root);

    expect(stdout).toContain('  not read src/locked.ts: permission denied');
    expect(code).toBe(1);
  });

  it('says which changed code only secret scanning read', async () => {
    const root = workspace({ 'cmd/main.go': 'package main\n', 'internal/db.go': 'package db\n', 'tools/report.rb': 'puts 1\n' });

    const { code, stdout } = await cli(['scan', '.'], root);

    expect(stdout).toContain('  2 Go files: secrets only — factor rules do not read Go yet');
    expect(stdout).toContain('  1 Ruby file: secrets only — factor rules do not read Ruby yet');
    expect(code).toBe(0);
  });
});
