import { Queue } from 'bullmq';
import type { EnqueueResult, QueuedJob, ReviewQueue } from './review-queue.ts';

/** Where the queue lives: a Redis URL and the prefix of every key (REDIS_KEY_PREFIX). */
export interface RedisLocation {
  url: string;
  prefix: string;
}

/** The BullMQ queue every web, worker and clock process shares. */
export const REVIEW_QUEUE_NAME = 'reviews';

/**
 * Attempts per job. A review completes its check run itself on every failure it can see
 * (run-review.ts), so a processor throws only when even that failed — GitHub or Redis
 * unreachable for a while — and a retry later is what helps.
 */
export const JOB_ATTEMPTS = 4;

/** Exponential backoff between attempts: 15 s, 30 s, 60 s — a GitHub incident usually passes in minutes. */
export const RETRY_BACKOFF_MS = 15_000;

/**
 * Finished jobs are kept so that their ids still dedupe: a webhook GitHub redelivers (or the
 * clock finds again) within a day is recognised as already reviewed. Ages in seconds (BullMQ).
 */
export const KEEP_COMPLETED = { age: 24 * 60 * 60, count: 10_000 };
export const KEEP_FAILED = { age: 7 * 24 * 60 * 60, count: 1_000 };

/** Jobs by state, for the queue-depth gauge. */
export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/**
 * The producer side of the BullMQ queue (web and clock processes): `enqueue` adds a job whose
 * BullMQ id is `job.id` — repository + pull request + head SHA — so a redelivered webhook finds
 * the job already there and adds nothing. The job data is the plain JSON job.
 */
export class BullmqQueue<Job extends QueuedJob> implements ReviewQueue<Job> {
  readonly #queue: Queue;

  /** `retryBackoffMs` shortens the backoff in tests; production keeps RETRY_BACKOFF_MS. */
  constructor(location: RedisLocation, options: { retryBackoffMs?: number } = {}) {
    this.#queue = new Queue(REVIEW_QUEUE_NAME, {
      connection: { url: location.url },
      prefix: location.prefix,
      defaultJobOptions: {
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: options.retryBackoffMs ?? RETRY_BACKOFF_MS },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    });
  }

  /**
   * `duplicate` when a job with this id is waiting, running or finished within KEEP_COMPLETED.
   * A job that failed for good is retried instead: whoever asks again (a manual redelivery, the
   * clock finding the check still incomplete) wants another attempt. Adding is atomic in Redis,
   * so two processes enqueueing the same id at once still store one job; only the reported
   * result can then say `queued` twice.
   */
  async enqueue(job: Job): Promise<EnqueueResult> {
    const existing = await this.#queue.getJob(job.id);
    if (existing) {
      if ((await existing.getState()) !== 'failed') return 'duplicate';
      await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return 'queued';
    }
    await this.#queue.add('review', job, { jobId: job.id });
    return 'queued';
  }

  async depth(): Promise<QueueDepth> {
    const counts = await this.#queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  /** Closes the connection; jobs already added stay in Redis for the workers. */
  async close(): Promise<void> {
    await this.#queue.close();
  }
}
