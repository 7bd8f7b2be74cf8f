import { WaitingError, Worker, type Job as BullJob } from 'bullmq';
import { REVIEW_QUEUE_NAME, type RedisLocation } from './bullmq-queue.ts';
import type { QueuedJob } from './review-queue.ts';

/**
 * How long a worker's claim on a job lasts without renewal. The worker renews it every half
 * lock (BullMQ's default `lockRenewTime`) from its event loop, so the lock must outlast the
 * longest stretch the loop is busy: a review analyses files synchronously, about 3.5 s for
 * 1,000 files (DESIGN.md, Performance) — 10 s of slack covers a 3,000-file pull request.
 * BullMQ's default (30 s) plus its 30 s stalled check leaves a killed worker's job alone for
 * up to a minute; with these values another worker takes it within
 * LOCK_DURATION_MS + STALLED_INTERVAL_MS = 25 s, typically 15–20 s.
 */
export const LOCK_DURATION_MS = 20_000;

/** How often workers look for jobs whose lock expired (their worker died) and requeue them. */
export const STALLED_INTERVAL_MS = 5_000;

/**
 * A job that loses its worker more often than this fails for good (BullMQ's default is 1):
 * one crash or a deploy's SIGKILL is survivable, but a pull request that kills every worker it
 * meets (out of memory) must not take the whole fleet down in a loop.
 */
export const MAX_STALLED_COUNT = 2;

/** Runs one job; `attempt` counts from 1 and is above 1 when the job was tried before. */
export type AttemptProcessor<Job> = (job: Job, attempt: number) => Promise<void>;

export interface BullmqWorkerOptions<Job> {
  location: RedisLocation;
  processor: AttemptProcessor<Job>;
  /** Jobs this process runs at once (WORKER_CONCURRENCY). */
  concurrency: number;
  /** How long `close()` lets active jobs finish before handing them back (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** A job finished (its processor returned). */
  onCompleted?: (job: Job) => void;
  /** A processor threw; `retry` says whether BullMQ will try again after its backoff. */
  onFailed?: (job: Job, error: Error, retry: boolean) => void;
  /** Redis connection trouble; BullMQ reconnects by itself. */
  onError?: (error: Error) => void;
  /** Shorter lock and stalled check, for tests of stalled-job recovery only. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * The consuming side of the BullMQ queue (worker processes): runs `concurrency` jobs at once,
 * retries a job whose processor threw with exponential backoff, and recovers the jobs of a
 * worker that died (stalled-job check).
 */
export class BullmqWorker<Job extends QueuedJob> {
  readonly #worker: Worker<Job>;
  readonly #processor: AttemptProcessor<Job>;
  readonly #shutdownTimeoutMs: number;
  readonly #handBack = new AbortController();
  #closing: Promise<{ handedBack: number }> | undefined;
  #handedBack = 0;

  constructor(options: BullmqWorkerOptions<Job>) {
    this.#processor = options.processor;
    this.#shutdownTimeoutMs = options.shutdownTimeoutMs;
    this.#worker = new Worker<Job>(REVIEW_QUEUE_NAME, (job, token) => this.#process(job, token), {
      connection: { url: options.location.url },
      prefix: options.location.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? LOCK_DURATION_MS,
      stalledInterval: options.stalledIntervalMs ?? STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    this.#worker.on('completed', (job) => options.onCompleted?.(job.data));
    this.#worker.on('failed', (job, error) => {
      if (!job) return;
      const retry = job.attemptsMade < (job.opts.attempts ?? 1) && error.name !== 'UnrecoverableError';
      options.onFailed?.(job.data, error, retry);
    });
    this.#worker.on('error', (error) => options.onError?.(error));
  }

  /** Resolves once connected to Redis. */
  async ready(): Promise<void> {
    await this.#worker.waitUntilReady();
  }

  /**
   * Stops taking jobs and waits for the active ones. Those still running after
   * `shutdownTimeoutMs` are handed back to the queue — moved to waiting, where another worker
   * takes them at once (no lock to wait out) — and their processors are abandoned, so the
   * process can exit. Resolves with how many were handed back.
   */
  close(): Promise<{ handedBack: number }> {
    this.#closing ??= (async () => {
      const timer = setTimeout(() => this.#handBack.abort(), this.#shutdownTimeoutMs);
      try {
        await this.#worker.close();
      } finally {
        clearTimeout(timer);
      }
      return { handedBack: this.#handedBack };
    })();
    return this.#closing;
  }

  async #process(job: BullJob<Job>, token: string | undefined): Promise<void> {
    const signal = this.#handBack.signal;
    let onAbort: () => void = () => {};
    const handedBack = new Promise<'handed back'>((resolve) => {
      onAbort = () => resolve('handed back');
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    const run = this.#processor(job.data, job.attemptsStarted);
    try {
      if ((await Promise.race([run, handedBack])) !== 'handed back') return;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    // The abandoned review goes on until the process exits; its outcome no longer matters.
    run.catch(() => {});
    await job.moveToWait(token);
    this.#handedBack++;
    throw new WaitingError();
  }
}
