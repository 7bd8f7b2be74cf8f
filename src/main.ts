import { createServer } from 'node:http';
import { createNodeMiddleware, createProbot } from 'probot';
import { reviewApp } from './github/app.ts';
import type { ReviewJob } from './github/review-job.ts';
import { reviewOctokit } from './github/review-octokit.ts';
import { reviewProcessor } from './github/run-review.ts';
import { MemoryQueue } from './queue/memory-queue.ts';

/**
 * The default process: web and worker in one, with the in-process queue. Configuration comes
 * from the environment only (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
 * LOG_LEVEL, GHE_HOST, WORKER_CONCURRENCY); Probot reads its own part of it.
 */
async function main(): Promise<void> {
  const problem = missingSetting(process.env);
  if (problem) {
    process.stderr.write(`twelve-factor-review: ${problem}\n`);
    process.exitCode = 2;
    return;
  }
  const probot = createProbot({ overrides: { Octokit: reviewOctokit() } });
  const queue = new MemoryQueue<ReviewJob>({
    processor: reviewProcessor(probot),
    concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
    onError: (error, job) => probot.log.error({ job: job.id, err: error instanceof Error ? error.message : String(error) }, 'review job failed'),
  });
  const middleware = await createNodeMiddleware(reviewApp(queue), { probot });
  const server = createServer((request, response) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    void middleware(request, response, () => response.writeHead(404).end());
  });
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, process.env.HOST, () => probot.log.info(`listening on port ${port}`));

  const shutdown = async () => {
    probot.log.info('shutting down: finishing queued reviews');
    await new Promise((resolve) => server.close(resolve));
    await queue.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

/** One line naming the first required setting that is missing or malformed. */
function missingSetting(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.APP_ID || !/^\d+$/.test(env.APP_ID)) return 'APP_ID must be set to the GitHub App id (a number)';
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) return 'PRIVATE_KEY (or PRIVATE_KEY_PATH) must be set to the GitHub App private key';
  if (!env.WEBHOOK_SECRET) return 'WEBHOOK_SECRET must be set to the GitHub App webhook secret';
  if (env.PORT !== undefined && !/^\d+$/.test(env.PORT)) return `PORT must be a number, got "${env.PORT}"`;
  if (env.WORKER_CONCURRENCY !== undefined && !/^[1-9]\d*$/.test(env.WORKER_CONCURRENCY)) {
    return `WORKER_CONCURRENCY must be a positive number, got "${env.WORKER_CONCURRENCY}"`;
  }
  return undefined;
}

await main();
