import { Worker } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BullmqQueue, REVIEW_QUEUE_NAME } from '../../src/queue/bullmq-queue.ts';
import { BullmqWorker, type BullmqWorkerOptions } from '../../src/queue/bullmq-worker.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';

interface TestJob {
  id: string;
  pr: number;
}

/** A promise with its resolver, to wait on an event without sleeping. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const enabled = await redisAvailable('BullMQ queue tests');

describe.skipIf(!enabled)('BullmqQueue and BullmqWorker (real Redis)', () => {
  let prefix: string;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(() => {
    prefix = uniquePrefix('queue');
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await deleteKeys(prefix);
  });

  function queue(options: { retryBackoffMs?: number } = {}): BullmqQueue<TestJob> {
    const created = new BullmqQueue<TestJob>({ url: TEST_REDIS_URL, prefix }, options);
    cleanups.push(() => created.close());
    return created;
  }

  function worker(options: Omit<BullmqWorkerOptions<TestJob>, 'location' | 'concurrency' | 'shutdownTimeoutMs'> & Partial<BullmqWorkerOptions<TestJob>>) {
    const created = new BullmqWorker<TestJob>({ location: { url: TEST_REDIS_URL, prefix }, concurrency: 1, shutdownTimeoutMs: 5_000, ...options });
    cleanups.push(() => created.close());
    return created;
  }

  it('runs an enqueued job once and dedupes its id while waiting and after completion', async () => {
    const reviews = queue();
    expect(await reviews.enqueue({ id: 'o/r#1@abc', pr: 1 })).toBe('queued');
    expect(await reviews.enqueue({ id: 'o/r#1@abc', pr: 1 })).toBe('duplicate');
    expect(await reviews.depth()).toEqual({ waiting: 1, active: 0, delayed: 0, failed: 0 });

    const processed: [TestJob, number][] = [];
    const completed = signal<TestJob>();
    worker({ processor: async (job, attempt) => void processed.push([job, attempt]), onCompleted: completed.resolve });
    expect(await completed.promise).toEqual({ id: 'o/r#1@abc', pr: 1 });

    expect(await reviews.enqueue({ id: 'o/r#1@abc', pr: 1 })).toBe('duplicate');
    expect(processed).toEqual([[{ id: 'o/r#1@abc', pr: 1 }, 1]]);
    expect(await reviews.depth()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('retries a job whose processor throws, after a backoff', async () => {
    const reviews = queue({ retryBackoffMs: 10 });
    const attempts: number[] = [];
    const failures: [string, boolean][] = [];
    const completed = signal<TestJob>();
    worker({
      processor: async (_job, attempt) => {
        attempts.push(attempt);
        if (attempt === 1) throw new Error('GitHub answered 502');
      },
      onFailed: (_job, error, retry) => failures.push([error.message, retry]),
      onCompleted: completed.resolve,
    });
    await reviews.enqueue({ id: 'o/r#2@abc', pr: 2 });
    await completed.promise;
    expect(attempts).toEqual([1, 2]);
    expect(failures).toEqual([['GitHub answered 502', true]]);
  });

  it('retries a job that failed for good when it is enqueued again', async () => {
    const reviews = queue({ retryBackoffMs: 1 });
    let healthy = false;
    const attempts: number[] = [];
    const gaveUp = signal();
    const completed = signal<TestJob>();
    worker({
      processor: async (_job, attempt) => {
        attempts.push(attempt);
        if (!healthy) throw new Error('unreachable');
      },
      onFailed: (_job, _error, retry) => {
        if (!retry) gaveUp.resolve();
      },
      onCompleted: completed.resolve,
    });
    await reviews.enqueue({ id: 'o/r#3@abc', pr: 3 });
    await gaveUp.promise;
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect((await reviews.depth()).failed).toBe(1);

    healthy = true;
    expect(await reviews.enqueue({ id: 'o/r#3@abc', pr: 3 })).toBe('queued');
    await completed.promise;
    expect(attempts).toEqual([1, 2, 3, 4, 1]);
  });

  it('close() lets the active job finish', async () => {
    const reviews = queue();
    const started = signal();
    const release = signal();
    const completed: string[] = [];
    const consumer = worker({
      processor: async () => {
        started.resolve();
        await release.promise;
      },
      onCompleted: (job) => completed.push(job.id),
    });
    await reviews.enqueue({ id: 'o/r#4@abc', pr: 4 });
    await started.promise;
    const closing = consumer.close();
    release.resolve();
    expect(await closing).toEqual({ handedBack: 0 });
    expect(completed).toEqual(['o/r#4@abc']);
    expect(await reviews.depth()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('close() hands a job still running after the shutdown timeout to another worker at once', async () => {
    const reviews = queue();
    const started = signal();
    const first = worker({
      shutdownTimeoutMs: 50,
      processor: async () => {
        started.resolve();
        await new Promise(() => {});
      },
    });
    await reviews.enqueue({ id: 'o/r#5@abc', pr: 5 });
    await started.promise;

    const taken = signal<[TestJob, number]>();
    worker({ processor: async (job, attempt) => taken.resolve([job, attempt]) });
    expect(await first.close()).toEqual({ handedBack: 1 });
    expect(await taken.promise).toEqual([{ id: 'o/r#5@abc', pr: 5 }, 2]);
  });

  it('recovers the job of a worker that died (its lock expired) on another worker', async () => {
    const reviews = queue();
    const started = signal();
    // A worker that stops renewing its lock behaves, for Redis, like one that was killed.
    const dead = new Worker(
      REVIEW_QUEUE_NAME,
      async () => {
        started.resolve();
        await new Promise(() => {});
      },
      { connection: { url: TEST_REDIS_URL }, prefix, lockDuration: 300, skipLockRenewal: true, skipStalledCheck: true },
    );
    cleanups.push(() => dead.close(true));
    await reviews.enqueue({ id: 'o/r#6@abc', pr: 6 });
    await started.promise;

    const taken = signal<[TestJob, number]>();
    worker({ stalledIntervalMs: 200, processor: async (job, attempt) => taken.resolve([job, attempt]) });
    expect(await taken.promise).toEqual([{ id: 'o/r#6@abc', pr: 6 }, 2]);
  });
});
