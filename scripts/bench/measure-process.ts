import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A Node program to run as a child process. */
export interface ProcessSpec {
  /** Arguments after `node` (the script first). */
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Exit codes that mean the tool ran to completion (a linter exits 1 when it found problems). */
  okExitCodes: readonly number[];
}

/** What one run of a child process cost. */
export interface ProcessMeasurement {
  wallMs: number;
  /** Peak resident set size of the child, MiB; undefined if it died before reporting. */
  peakRssMiB: number | undefined;
  exitCode: number;
  stdout: string;
}

const PROBE = new URL('./rss-probe.ts', import.meta.url);

/** A child that runs longer than this has hung; at 2,000 files ESLint needs well under a minute. */
const TIMEOUT_MS = 10 * 60 * 1000;

/** Children still running, so an interrupted benchmark can end exactly the processes it started. */
const running = new Set<ChildProcess>();

/** Kills every child measureProcess started that has not exited yet. */
export function killRunningChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Keeps the end of stderr for error messages without holding megabytes of warnings. */
const STDERR_TAIL = 4096;

/**
 * Runs `node <args>` on the same Node binary as this process, timing it from spawn to exit
 * (start-up included, as a user waits for it) and taking its peak RSS from rss-probe.ts.
 * Rejects when the child exits with a code not in `okExitCodes`.
 */
export async function measureProcess(spec: ProcessSpec): Promise<ProcessMeasurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-rss-'));
  const rssFile = path.join(scratch, 'max-rss');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PROBE.href, ...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('close', () => running.delete(child));
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    });
    const wallMs = performance.now() - started;
    clearTimeout(timer);
    if (!spec.okExitCodes.includes(exitCode)) {
      throw new Error(`${spec.args.join(' ')} exited with ${exitCode}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
    }
    return { wallMs, peakRssMiB: readPeakRss(rssFile), exitCode, stdout: Buffer.concat(stdout).toString('utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readPeakRss(file: string): number | undefined {
  try {
    const kib = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(kib) && kib > 0 ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}
