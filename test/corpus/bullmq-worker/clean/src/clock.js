import { createRedisConnection, logger } from './connection.js';
import { reportsQueue } from './queues.js';

// Repeatable jobs live in Redis: BullMQ enqueues each run once, however many workers there are.
const SCHEDULES = [
  { id: 'daily-signups', pattern: '0 3 * * *' },
  { id: 'daily-revenue', pattern: '15 3 * * *' },
];

const connection = createRedisConnection();
const queue = reportsQueue(connection);

for (const { id, pattern } of SCHEDULES) {
  await queue.add('nightly-report', { report: id }, { repeat: { pattern, tz: 'UTC' }, jobId: id });
  logger.info({ id, pattern }, 'schedule registered');
}

await queue.close();
await connection.quit();
