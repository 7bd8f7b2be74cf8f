import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { STAND_IN_APP_ID } from './github-stand-in.ts';

/** The entry point every process type runs, as TypeScript (Node 22 strips the types). */
export const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * One process of the App (`web`, `worker`, `clock`, or all in one) run as a real child process
 * with `process.execPath` — Node 22, as in production minus the build. Its pino JSON lines are
 * parsed as they come; tests wait on them (with a timeout as a failure guard, never a sleep).
 */
export class AppProcess {
  readonly lines: LogLine[] = [];
  /** stdout lines that were not JSON, and stderr: a well-behaved process has none. */
  readonly otherOutput: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly #child: ChildProcess;
  readonly #waiters = new Set<() => void>();

  constructor(type: string | undefined, env: Readonly<Record<string, string>>) {
    this.#child = spawn(process.execPath, [MAIN, ...(type ? [type] : [])], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.#child.once('exit', (code, signal) => resolve({ code, signal })));
    this.#split(this.#child.stdout!, (line) => {
      try {
        this.lines.push(JSON.parse(line) as LogLine);
      } catch {
        this.otherOutput.push(line);
      }
    });
    this.#split(this.#child.stderr!, (line) => this.otherOutput.push(line));
  }

  get pid(): number {
    return this.#child.pid!;
  }

  /** Everything it printed, for failure messages. */
  get output(): string {
    return [...this.lines.map((line) => JSON.stringify(line)), ...this.otherOutput].join('\n');
  }

  kill(signal: NodeJS.Signals): void {
    this.#child.kill(signal);
  }

  /** Resolves with the first log line (past or future) that satisfies `predicate`. */
  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs: number, what = 'a log line'): Promise<LogLine> {
    const found = () => this.lines.find(predicate);
    const existing = found();
    if (existing) return existing;
    return new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const line = found();
        if (!line) return;
        cleanup();
        resolve(line);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; output so far:\n${this.output.slice(-4000)}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`process exited while waiting for ${what}; output:\n${this.output.slice(-4000)}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        this.#child.off('exit', onExit);
      };
      this.#waiters.add(check);
      this.#child.once('exit', onExit);
    });
  }

  /** Resolves with the HTTP port once the process says it started. */
  async started(timeoutMs = 20_000): Promise<number> {
    const line = await this.waitForLog((candidate) => candidate.msg === 'started', timeoutMs, 'start-up');
    return line.port as number;
  }

  #split(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.trim() !== '') onLine(line);
      }
      for (const waiter of [...this.#waiters]) waiter();
    });
  }
}

/** A throwaway App key for the child processes (the stand-in accepts any JWT). */
const { privateKey: APP_PRIVATE_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export const WEBHOOK_SECRET = 'stand-in-webhook-secret';

/** The environment of an App process pointed at the stand-in (GHE_HOST, plain HTTP). */
export function appEnvironment(gheHost: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    APP_ID: String(STAND_IN_APP_ID),
    PRIVATE_KEY: APP_PRIVATE_KEY,
    WEBHOOK_SECRET,
    GHE_HOST: gheHost,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

export { APP_PRIVATE_KEY };
