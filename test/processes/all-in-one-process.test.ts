// twelve-factor-ignore-file secrets/* -- fake credentials: the test commits them in a pull request and checks that no log line shows them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, APP_PRIVATE_KEY, appEnvironment, WEBHOOK_SECRET } from '../support/app-process.ts';
import { GitHubStandIn, installationToken, type StandInPullRequest } from '../support/github-stand-in.ts';
import { deliver, pullRequestOpened, signedWebhook } from '../support/signed-webhook.ts';

const STRIPE_KEY = 'sk_live_51HqLyjWDarjtT1zdp7dcXhIkzPvP7qVvCt2r1mO0hXyZ';
const REDIS_PASSWORD = 'Zq8vW3kLp9TxR2mN';

const PULL: StandInPullRequest = {
  installationId: 93,
  owner: 'acme',
  repo: 'payments',
  number: 4,
  headSha: '5ec2e7'.padEnd(40, '1'),
  baseSha: 'ba5e'.padEnd(40, '0'),
  files: {
    'src/billing.js': `export const stripe = '${STRIPE_KEY}';\nexport const cache = 'redis://:${REDIS_PASSWORD}@cache.internal:6379';\n`,
  },
};

/**
 * The all-in-one process (web + worker + clock, in-process queue, no Redis) reviews a pull
 * request that commits two secrets, logging at `trace`, the most talkative level: no line of
 * its output may hold the App's private key, an installation token, or either scanned secret;
 * its metrics count the review.
 */
describe('a review in the all-in-one process (child process, GitHub stand-in)', () => {
  let standIn: GitHubStandIn;
  let app: AppProcess;
  let metrics: string;

  beforeAll(async () => {
    standIn = await new GitHubStandIn().start();
    standIn.addPullRequest(PULL);
    app = new AppProcess(undefined, appEnvironment(standIn.host, { LOG_LEVEL: 'trace' }));
    const port = await app.started();
    expect(await deliver(port, signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(PULL)))).toBe(200);
    await app.waitForLog((line) => line.msg === 'review job finished', 30_000, 'the review to finish');
    metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    app.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
  });

  afterAll(async () => {
    app?.kill('SIGKILL');
    await standIn?.close();
  });

  it('found the secrets (so they passed through the process)', () => {
    const run = standIn.checkRunsFor(PULL.headSha).at(-1);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(JSON.stringify(run)).toContain('sk_l****');
    expect(JSON.stringify(standIn.requests)).not.toContain(STRIPE_KEY);
  });

  it('logged JSON lines carrying the job, and nothing else', () => {
    expect(app.lines.length).toBeGreaterThan(10);
    expect(app.otherOutput).toEqual([]);
    expect(app.lines.find((line) => line.msg === 'review job finished')).toMatchObject({ job: `acme/payments#4@${PULL.headSha}` });
  });

  it('counted the job, its findings by factor and its GitHub requests', () => {
    expect(metrics).toContain('twelve_factor_review_jobs_total{outcome="failure",process_type="all"} 1');
    expect(metrics).toMatch(/twelve_factor_review_findings_total\{factor="3",process_type="all"\} [2-9]/);
    expect(metrics).toMatch(/twelve_factor_github_requests_total\{method="PATCH",status="200",process_type="all"\} [1-9]/);
    expect(metrics).toContain('twelve_factor_queue_depth{state="waiting",process_type="all"} 0');
  });

  it('never logged the private key, the installation token or a scanned secret', () => {
    const output = app.output;
    expect(output).not.toContain(APP_PRIVATE_KEY.split('\n')[1]);
    expect(output).not.toContain(installationToken(PULL.installationId));
    expect(output).not.toContain(STRIPE_KEY);
    expect(output).not.toContain(REDIS_PASSWORD);
    expect(output).not.toContain(WEBHOOK_SECRET);
  });
});
