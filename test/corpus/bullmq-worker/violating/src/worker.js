import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Worker } from 'bullmq';
import { createRedisConnection, logger } from './connection.js';
import { nightlyReport } from './jobs/nightly-report.js';
import { REPORTS_QUEUE } from './queues.js';

if (process.argv.includes('--daemon')) {
  spawn(process.execPath, [process.argv[1]], { detached: true, stdio: 'ignore' }).unref();
  process.exit(0);
}

if (cluster.isPrimary) {
  fs.writeFileSync('/var/run/report-worker.pid', String(process.pid));
  for (let i = 0; i < os.cpus().length; i++) {
    cluster.fork();
  }
} else {
  const connection = createRedisConnection();

  const worker = new Worker(REPORTS_QUEUE, nightlyReport, { connection, concurrency: 2 });
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err }, 'job failed'));

  http
    .createServer((req, res) => res.writeHead(worker.isRunning() ? 200 : 503).end())
    .listen(Number(process.env.HEALTH_PORT ?? 9091));
}
