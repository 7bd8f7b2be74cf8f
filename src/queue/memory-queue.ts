import type { EnqueueResult, JobProcessor, QueuedJob, ReviewQueue } from './review-queue.ts';

export interface MemoryQueueOptions<Job extends QueuedJob> {
  processor: JobProcessor<Job>;
  /** Jobs run at the same time; default 1. */
  concurrency?: number;
  /** Called when the processor throws; the job is not retried. */
  onError?: (error: unknown, job: Job) => void;
  /** How many finished job ids still count as duplicates (as BullMQ keeps completed jobs); default 1000. */
  remember?: number;
}

/** The in-process queue: jobs live in memory, run in arrival order, `concurrency` at a time. */
export class MemoryQueue<Job extends QueuedJob> implements ReviewQueue<Job> {
  readonly #processor: JobProcessor<Job>;
  readonly #concurrency: number;
  readonly #onError: (error: unknown, job: Job) => void;
  readonly #remember: number;
  readonly #pending: Job[] = [];
  /** Ids of pending and running jobs. */
  readonly #known = new Set<string>();
  /** Ids of finished jobs, oldest first. */
  readonly #finished = new Set<string>();
  #running = 0;
  #closed = false;
  #idleWaiters: (() => void)[] = [];

  constructor(options: MemoryQueueOptions<Job>) {
    this.#processor = options.processor;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#onError = options.onError ?? (() => {});
    this.#remember = options.remember ?? 1000;
  }

  async enqueue(job: Job): Promise<EnqueueResult> {
    if (this.#closed) throw new Error('the queue is closed');
    if (this.#known.has(job.id) || this.#finished.has(job.id)) return 'duplicate';
    this.#known.add(job.id);
    this.#pending.push(job);
    // Start on a later turn so that the webhook handler that enqueued answers first.
    setImmediate(() => this.#pump());
    return 'queued';
  }

  /** Resolves once no job is pending or running: tests await it instead of sleeping. */
  idle(): Promise<void> {
    if (this.#known.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.idle();
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#pending.length > 0) {
      const job = this.#pending.shift()!;
      this.#running++;
      void this.#run(job);
    }
  }

  async #run(job: Job): Promise<void> {
    try {
      await this.#processor(job);
    } catch (error) {
      this.#onError(error, job);
    } finally {
      this.#running--;
      this.#known.delete(job.id);
      this.#finished.add(job.id);
      if (this.#finished.size > this.#remember) this.#finished.delete(this.#finished.values().next().value!);
      this.#pump();
      if (this.#known.size === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }
}
