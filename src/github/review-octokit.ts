import { ProbotOctokit } from 'probot';

/** How many times a request that hit a rate limit is retried before the review gives up. */
export const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * The longest wait for a rate limit we accept. The primary limit resets hourly: waiting for it
 * would hold a worker for up to an hour, so the check run completes neutral instead and
 * "Re-run" retries later. Secondary limits ask for about a minute (GitHub's `retry-after`).
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 120;

export interface ReviewOctokitOptions {
  /** Multiplies every retry delay (5xx backoff and rate-limit waits); 0 in tests. Default 1. */
  retryDelayScale?: number;
  /**
   * Extra options for @octokit/plugin-throttling, e.g. limiters without the 1 s spacing of
   * writes, for tests. Production leaves the plugin's defaults alone.
   */
  throttle?: Record<string, unknown>;
}

interface RateLimitedRequest {
  method: string;
  url: string;
}

interface LoggingOctokit {
  log: { warn(message: string): void };
}

/**
 * Probot's Octokit with bounded retries. Probot's own defaults retry a primary rate limit twice
 * whatever the wait and only log a secondary one; here both retry at most
 * MAX_RATE_LIMIT_RETRIES times when GitHub asks for a short enough wait. Server errors are
 * retried by @octokit/plugin-retry (3 times, backoff 1, 4, 9 s). Probot keys the throttle by
 * installation for the clients it authenticates as an installation (`probot.auth(id)`), so one
 * busy organisation does not hold up the others.
 */
export function reviewOctokit(options: ReviewOctokitOptions = {}): typeof ProbotOctokit {
  const retryAfterBaseValue = 1000 * (options.retryDelayScale ?? 1);
  const shouldRetry =
    (kind: string) => (retryAfter: number, request: RateLimitedRequest, octokit: LoggingOctokit, retryCount: number) => {
      const retry = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      octokit.log.warn(
        `${kind} rate limit on ${request.method} ${request.url}; ${retry ? `retrying in ${retryAfter} s` : 'giving up'} (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES})`,
      );
      return retry;
    };
  return ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
    ...instanceOptions,
    retry: { ...(instanceOptions.retry as object | undefined), retryAfterBaseValue },
    throttle: {
      ...(instanceOptions.throttle as object | undefined),
      retryAfterBaseValue,
      onRateLimit: shouldRetry('Primary'),
      onSecondaryRateLimit: shouldRetry('Secondary'),
      ...options.throttle,
    },
  }));
}
