import http from 'node:http';
import { Worker } from 'bullmq';
import { createRedisConnection, logger } from './connection.js';
import { closePool, nightlyReport } from './jobs/nightly-report.js';
import { REPORTS_QUEUE } from './queues.js';

const connection = createRedisConnection();

const worker = new Worker(REPORTS_QUEUE, nightlyReport, {
  connection,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
  lockDuration: 15_000,
  stalledInterval: 15_000,
});

worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err }, 'job failed'));
worker.on('error', (err) => logger.error({ err }, 'worker error'));

let lastHeartbeat = Date.now();
const heartbeat = setInterval(() => {
  lastHeartbeat = Date.now();
}, 15_000);

// Liveness probe for the orchestrator: the worker is alive while its heartbeat ticks.
const health = http.createServer((req, res) => {
  const alive = Date.now() - lastHeartbeat < 60_000 && worker.isRunning();
  res.writeHead(alive ? 200 : 503).end(alive ? 'ok' : 'stalled');
});
health.listen(Number(process.env.HEALTH_PORT ?? 9091));

async function shutdown(signal) {
  logger.info({ signal }, 'draining worker');
  clearInterval(heartbeat);
  health.close();
  await worker.close();
  await closePool();
  await connection.quit();
  process.exit(0);
}

process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
