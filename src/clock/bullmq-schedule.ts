import { Queue, Worker } from 'bullmq';
import type { RedisLocation } from '../queue/bullmq-queue.ts';

/** The queue that carries the clock's ticks (separate from the reviews). */
export const CLOCK_QUEUE_NAME = 'clock';

/** One scheduler id for every clock replica: upserting it again changes nothing. */
export const RECONCILE_SCHEDULER_ID = 'reconcile-open-pull-requests';

/** Ticks kept for inspection; a tick has no id to dedupe, so none need keeping for that. */
const KEEP_TICKS = { count: 100 };

export interface Schedule {
  /** Stops ticking. A run in progress gets `timeoutMs` to finish; it is harmless to cut. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Runs `task` once per `intervalMs` across all clock replicas: a BullMQ job scheduler (a
 * repeatable job) puts one tick a period in Redis — every replica upserts the same scheduler,
 * so there is still one — and exactly one replica's worker takes each tick. The first tick
 * comes at once.
 */
export async function startBullmqSchedule(options: {
  location: RedisLocation;
  intervalMs: number;
  task: () => Promise<void>;
  onError: (error: Error) => void;
}): Promise<Schedule> {
  const connection = { url: options.location.url };
  const queue = new Queue(CLOCK_QUEUE_NAME, { connection, prefix: options.location.prefix });
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER_ID,
    { every: options.intervalMs },
    { name: 'reconcile', opts: { removeOnComplete: KEEP_TICKS, removeOnFail: KEEP_TICKS } },
  );
  const worker = new Worker(CLOCK_QUEUE_NAME, () => options.task(), { connection, prefix: options.location.prefix, concurrency: 1 });
  worker.on('error', options.onError);
  worker.on('failed', (_job, error) => options.onError(error));
  await worker.waitUntilReady();
  return {
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([worker.close(), timedOut]);
      clearTimeout(timer);
      await Promise.all([worker.close(true), queue.close()]);
    },
  };
}
