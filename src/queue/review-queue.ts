/** A unit of queued work. `id` dedupes: a job whose id the queue already knows is dropped. */
export interface QueuedJob {
  readonly id: string;
}

/**
 * Runs one job; what it resolves to is the job's result (for metrics), ignored by the queue. A
 * processor that throws has failed the job.
 */
export type JobProcessor<Job extends QueuedJob> = (job: Job) => Promise<unknown>;

/** `duplicate`: a job with the same id is pending, running, or finished recently. */
export type EnqueueResult = 'queued' | 'duplicate';

/**
 * The job queue between webhook handlers and reviews. The in-process implementation is
 * `MemoryQueue`; a BullMQ implementation takes the same jobs (plain JSON: no clients, no
 * functions) with `jobId = job.id`, so redelivered webhooks do not duplicate work.
 */
export interface ReviewQueue<Job extends QueuedJob> {
  enqueue(job: Job): Promise<EnqueueResult>;
  /** Stops accepting jobs and resolves once the jobs already accepted have finished. */
  close(): Promise<void>;
}
