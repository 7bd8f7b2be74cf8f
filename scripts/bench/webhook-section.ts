import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { AppProcess, appEnvironment } from '../../test/support/app-process.ts';
import { GitHubStandIn } from '../../test/support/github-stand-in.ts';
import { deleteKeys, redisReachable, TEST_REDIS_URL } from '../../test/support/test-redis.ts';
import { round, targetCheck, type BenchContext, type BenchSection } from './bench-section.ts';
import { webhookPullRequest } from './webhook-pulls.ts';

/** DESIGN.md (Performance): acknowledgement p99 ≤ 50 ms at 100 requests/s on loopback. */
const RATE_PER_SECOND = 100;
const DURATION_SECONDS = 10;
const TARGET_P99_MS = 50;
const WARM_UP = 20;
const LOAD = new URL('./webhook-load.ts', import.meta.url);


/**
 * Webhook acknowledgement latency: signed `pull_request` webhooks at RATE_PER_SECOND for
 * DURATION_SECONDS, each a new pull request, so the workers are busy reviewing throughout
 * (against the loopback GitHub stand-in). Measured in the production topology — a web process
 * and a worker process sharing BullMQ on Redis — when Redis is reachable, else in the
 * all-in-one process (in-process queue), where reviews share the web's event loop.
 */
export const webhookSection: BenchSection = {
  name: 'webhook',
  async run(context: BenchContext) {
    const redis = await redisReachable();
    const prefix = `bench-webhook-${randomUUID().slice(0, 8)}`;
    const total = RATE_PER_SECOND * DURATION_SECONDS;
    const pulls = Array.from({ length: WARM_UP + total }, (_, index) => webhookPullRequest(index));
    const standIn = await new GitHubStandIn().start();
    for (const pull of pulls) standIn.addPullRequest(pull);
    const env = appEnvironment(standIn.host, { LOG_LEVEL: 'warn', ...(redis && { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }) });
    const processes = redis ? [new AppProcess('web', { ...env, LOG_LEVEL: 'info' }), new AppProcess('worker', env)] : [new AppProcess(undefined, { ...env, LOG_LEVEL: 'info' })];
    try {
      const port = await processes[0]!.started(60_000);
      context.progress(`webhook: ${redis ? 'web + worker on Redis' : 'all-in-one (no Redis reachable)'}, ${total} webhooks at ${RATE_PER_SECOND}/s`);
      await runLoad(port, 0, WARM_UP);

      const started = performance.now();
      const answers = await runLoad(port, WARM_UP, total);
      const seconds = (performance.now() - started) / 1000;
      const statuses = new Map<number, number>();
      for (const [status] of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const latencies = answers.map(([, ms]) => ms);
      const reviewsCompleted = standIn.checkRuns.filter((run) => run.status === 'completed').length;
      latencies.sort((a, b) => a - b);
      const percentile = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))]!, 1);
      return {
        topology: redis ? 'web + worker processes, BullMQ on Redis' : 'all-in-one process, in-process queue',
        webhooks: total,
        seconds: round(seconds, 1),
        statuses: Object.fromEntries(statuses),
        ackMs: { p50: percentile(50), p90: percentile(90), p99: percentile(99), max: round(latencies.at(-1)!, 1) },
        reviewsCompletedMeanwhile: reviewsCompleted,
        // Web, worker, stand-in and load generator share this machine's cores: a loaded machine shows in the tail.
        loadAverage: os.loadavg().map((load) => round(load, 2)),
        target: { p99Ms: targetCheck(percentile(99), TARGET_P99_MS) },
      };
    } finally {
      for (const child of processes) child.kill('SIGKILL');
      await standIn.close();
      if (redis) await deleteKeys(prefix);
    }
  },
};

/** Runs the load generator (webhook-load.ts) as a child process; resolves with its answers. */
async function runLoad(port: number, first: number, count: number): Promise<[number, number][]> {
  const child = spawn(process.execPath, [fileURLToPath(LOAD), String(port), String(first), String(count), String(RATE_PER_SECOND)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`webhook load generator exited with ${code}`);
  return JSON.parse(output) as [number, number][];
}
