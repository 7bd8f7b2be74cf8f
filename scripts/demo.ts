/**
 * `npm run demo`: builds a throwaway git repository from the bundled example app — a clean
 * base commit, then a commit on a branch that adds violations — and reviews the branch the way
 * a pull request is reviewed: `twelve-factor-review scan --base main`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/run-cli.ts';

const example = fileURLToPath(new URL('../examples/demo-app/', import.meta.url));
const repository = mkdtempSync(path.join(tmpdir(), 'twelve-factor-demo-'));

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repository,
    stdio: 'ignore',
  });
}

try {
  console.log(`Node ${process.version}; example repository in ${repository}\n`);
  cpSync(path.join(example, 'base'), repository, { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'Orders API (Node) and reports service (Python): a clean twelve-factor base');
  git('checkout', '--quiet', '-b', 'feature/sessions-and-cleanup');
  cpSync(path.join(example, 'change'), repository, { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'Add sessions, file logging, a cleanup job, a local .env and a reports preview server');

  console.log('$ twelve-factor-review scan --base main\n');
  const exitCode = await runCli(['scan', repository, '--base', 'main'], {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: repository,
    isTTY: process.stdout.isTTY === true,
  });
  console.log(`\nexit code ${exitCode}: ${exitCode === 1 ? 'new findings at or above fail_on (error) — the check would fail the pull request' : 'the check would pass'}`);
} finally {
  rmSync(repository, { recursive: true, force: true });
}
