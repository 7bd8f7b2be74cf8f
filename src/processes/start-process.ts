import type { Logger } from 'pino';
import { createNodeMiddleware } from 'probot';
import { reconcile } from '../clock/reconcile.ts';
import { startBullmqSchedule, type Schedule } from '../clock/bullmq-schedule.ts';
import { startIntervalSchedule } from '../clock/interval-schedule.ts';
import { EnvError, type EnvOptions } from '../env.ts';
import { reviewApp } from '../github/app.ts';
import type { ReviewJob } from '../github/review-job.ts';
import { startHttpServer, type HttpServer } from '../http/start-http-server.ts';
import { Metrics } from '../metrics/metrics.ts';
import { BullmqQueue } from '../queue/bullmq-queue.ts';
import { BullmqWorker } from '../queue/bullmq-worker.ts';
import { MemoryQueue } from '../queue/memory-queue.ts';
import { RedisProbe } from '../queue/redis-probe.ts';
import type { ReviewQueue } from '../queue/review-queue.ts';
import { createProbot } from './create-probot.ts';
import { measuredProcessor } from './measured-processor.ts';

/** What a process does: receive webhooks, run reviews, reconcile on a clock. */
export type Role = 'web' | 'worker' | 'clock';

export const ROLES: readonly Role[] = ['web', 'worker', 'clock'];

export interface RunningProcess {
  /** The HTTP port bound (`/healthz`, `/readyz`, `/metrics`, and webhooks in a web process). */
  port: number;
  /**
   * Graceful stop, within `SHUTDOWN_TIMEOUT_MS`: stop accepting webhooks and finish in-flight
   * requests, stop ticking, let running reviews finish or hand them back to the queue.
   */
  stop(): Promise<void>;
}

/**
 * Starts the given roles in this process. With `REDIS_URL` the jobs go through BullMQ, so each
 * role can run in its own processes on any machines; without it only all three together make
 * sense (the all-in-one default, with the in-process queue).
 */
export async function startProcess(roles: readonly Role[], env: EnvOptions, log: Logger): Promise<RunningProcess> {
  const has = (role: Role) => roles.includes(role);
  const location = env.redisUrl === undefined ? undefined : { url: env.redisUrl, prefix: env.redisKeyPrefix };
  if (!location && roles.length < ROLES.length) {
    throw new EnvError(`REDIS_URL is required but not set: the ${roles.join('+')} process type shares its queue through Redis (without Redis, run everything in one process: npm start)`);
  }
  const producer = location && (has('web') || has('clock')) ? new BullmqQueue<ReviewJob>(location) : undefined;
  // The in-process queue's depth is counted here: jobs accepted and not started, and running.
  const inProcess = { waiting: 0, active: 0 };
  const metrics = new Metrics({
    processType: roles.length === ROLES.length ? 'all' : roles.join('+'),
    queueDepth: producer ? () => producer.depth() : location ? undefined : async () => ({ ...inProcess, delayed: 0, failed: 0 }),
  });
  const probot = createProbot(env, { log, metrics, throttleInRedis: location !== undefined && (has('worker') || has('clock')) });
  const processor = measuredProcessor(probot, metrics, log);
  const memory = location
    ? undefined
    : new MemoryQueue<ReviewJob>({
        processor: async (job) => {
          inProcess.waiting--;
          inProcess.active++;
          try {
            await processor(job, 1);
          } finally {
            inProcess.active--;
          }
        },
        concurrency: env.workerConcurrency,
        onError: (error, job) => log.error({ err: error, job: job.id }, 'review job failed'),
      });
  const queue: ReviewQueue<ReviewJob> = producer ?? {
    enqueue: async (job) => {
      const result = await memory!.enqueue(job);
      if (result === 'queued') inProcess.waiting++;
      return result;
    },
    close: () => memory!.close(),
  };

  // Health and metrics first: while Redis is unreachable at boot, /readyz says so.
  const probe = location ? new RedisProbe(location.url) : undefined;
  const server: HttpServer = await startHttpServer({
    port: env.port,
    host: env.host,
    metrics,
    ready: async () => (probe ? probe.reachable() : true),
    ...(has('web') && { webhooks: await createNodeMiddleware(reviewApp(queue), { probot }) }),
    log,
  });

  let worker: BullmqWorker<ReviewJob> | undefined;
  if (location && has('worker')) {
    worker = new BullmqWorker<ReviewJob>({
      location,
      processor,
      concurrency: env.workerConcurrency,
      shutdownTimeoutMs: env.shutdownTimeoutMs,
      onFailed: (job, error, retry) => log.error({ err: error, job: job.id, retry }, retry ? 'review job failed; retrying later' : 'review job failed for good'),
      onError: (error) => log.error({ err: error }, 'queue connection error'),
    });
    await worker.ready();
  }

  let schedule: Schedule | undefined;
  if (has('clock')) {
    const task = async () => {
      const result = await reconcile({ probot, appId: Number(env.appId), enqueue: (job) => queue.enqueue(job), log });
      log.info(result, 'reconciled open pull requests');
    };
    const onError = (error: Error) => log.error({ err: error }, 'reconciliation failed');
    schedule = location
      ? await startBullmqSchedule({ location, intervalMs: env.clockIntervalMs, task, onError })
      : startIntervalSchedule({ intervalMs: env.clockIntervalMs, task, onError });
  }
  log.info({ roles, port: server.port, queue: location ? 'redis' : 'in-process' }, 'started');

  return {
    port: server.port,
    async stop() {
      const deadline = Date.now() + env.shutdownTimeoutMs;
      const left = () => Math.max(0, deadline - Date.now());
      await server.close(left());
      await schedule?.close(left());
      const closed = await worker?.close();
      if (closed?.handedBack) log.warn({ jobs: closed.handedBack }, 'reviews still running at the shutdown timeout were handed back to the queue');
      if (memory) await withTimeout(memory.close(), left());
      await producer?.close();
      probe?.close();
    },
  };
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
