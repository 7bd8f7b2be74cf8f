import type { Logger } from 'pino';
import type { Probot } from 'probot';
import { CLOCK_DELIVERY_PREFIX } from '../clock/reconcile.ts';
import { reviewProcessor } from '../github/run-review.ts';
import type { ReviewJob } from '../github/review-job.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { AttemptProcessor } from '../queue/bullmq-worker.ts';

/**
 * The review processor, timed and counted (jobs by outcome, durations, findings by factor),
 * with a line when each job starts and ends. A job that may have run before — a later attempt,
 * or one the clock enqueued for a check run left unfinished — resumes its earlier check run.
 */
export function measuredProcessor(probot: Probot, metrics: Metrics, log: Logger): AttemptProcessor<ReviewJob> {
  const run = reviewProcessor(probot);
  return async (job, attempt) => {
    const started = performance.now();
    const seconds = () => Math.round(performance.now() - started) / 1000;
    log.info({ job: job.id, deliveryId: job.deliveryId, attempt }, 'review job started');
    try {
      const result = await run(job, { resume: attempt > 1 || job.deliveryId.startsWith(CLOCK_DELIVERY_PREFIX) });
      metrics.recordJob(result.outcome, seconds(), result.findingsByFactor);
      log.info({ job: job.id, outcome: result.outcome, seconds: seconds() }, 'review job finished');
    } catch (error) {
      metrics.recordJob('error', seconds());
      throw error;
    }
  };
}
