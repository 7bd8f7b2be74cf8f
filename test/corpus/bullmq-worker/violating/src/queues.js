import { Queue } from 'bullmq';

export const REPORTS_QUEUE = 'reports';

export const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { count: 1000 },
};

export function reportsQueue(connection) {
  return new Queue(REPORTS_QUEUE, { connection, defaultJobOptions: JOB_OPTIONS });
}
