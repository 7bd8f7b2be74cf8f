import type { Logger } from 'pino';
import { Probot } from 'probot';
import type { EnvOptions } from '../env.ts';
import { reviewOctokit } from '../github/review-octokit.ts';
import type { Metrics } from '../metrics/metrics.ts';

/**
 * The Probot instance of a process, from the validated settings only (Probot reads no
 * environment variable of its own this way). `throttleInRedis` moves plugin-throttling's queues
 * into Redis, so that the processes that call GitHub (workers, clock) share one line per
 * installation — `probot.auth(installationId)` keys them by installation, so one busy
 * organisation does not stall the others. Every request is counted by `metrics`.
 */
export function createProbot(env: EnvOptions, options: { log: Logger; metrics: Metrics; throttleInRedis: boolean }): Probot {
  return new Probot({
    appId: env.appId,
    privateKey: env.privateKey,
    secret: env.webhookSecret,
    log: options.log,
    Octokit: reviewOctokit(),
    request: { fetch: options.metrics.countingFetch() },
    // GitHub Enterprise Server serves the REST API under /api/v3 (GraphQL under /api/graphql).
    ...(env.gheHost !== undefined && { baseUrl: `${env.gheProtocol}://${env.gheHost}/api/v3` }),
    ...(options.throttleInRedis && env.redisUrl !== undefined && { redisConfig: env.redisUrl }),
  });
}
