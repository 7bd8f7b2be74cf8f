/**
 * The webhook benchmark's load generator, run as a child process so that nothing else in the
 * benchmark (the GitHub stand-in serving the workers) shares its event loop and skews timings:
 * `node webhook-load.ts <port> <first> <count> <perSecond>` sends signed `pull_request`
 * webhooks for pull requests first…first+count-1 at a fixed rate (open loop: a slow answer does
 * not delay the next send), each on a new connection as GitHub does, and prints one JSON array
 * of `[status, milliseconds]` to the full answer.
 */
import { WEBHOOK_SECRET } from '../../test/support/app-process.ts';
import { pullRequestOpened, signedWebhook } from '../../test/support/signed-webhook.ts';
import { webhookPullRequest } from './webhook-pulls.ts';

const [port, first, count, perSecond] = process.argv.slice(2).map(Number) as [number, number, number, number];
const webhooks = Array.from({ length: count }, (_, index) => signedWebhook(WEBHOOK_SECRET, 'pull_request', pullRequestOpened(webhookPullRequest(first + index))));

async function send(webhook: { headers: Record<string, string>; body: string }): Promise<[number, number]> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: { ...webhook.headers, connection: 'close' }, body: webhook.body });
  await response.arrayBuffer();
  return [response.status, Math.round((performance.now() - started) * 10) / 10];
}

const started = performance.now();
const sends: Promise<[number, number]>[] = [];
for (const [index, webhook] of webhooks.entries()) {
  const wait = started + (index * 1000) / perSecond - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  sends.push(send(webhook));
}
process.stdout.write(`${JSON.stringify(await Promise.all(sends))}\n`);
