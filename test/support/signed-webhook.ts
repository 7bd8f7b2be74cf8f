import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { StandInPullRequest } from './github-stand-in.ts';

interface Example {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[];

/** A `pull_request.opened` payload from @octokit/webhooks-examples, moved onto `pull`. */
export function pullRequestOpened(pull: StandInPullRequest): Record<string, unknown> {
  const example = structuredClone(EXAMPLES.find((event) => event.name === 'pull_request')!.examples.find((payload) => payload.action === 'opened')!) as {
    number: number;
    pull_request: { number: number; draft: boolean; head: { sha: string; ref: string }; base: { sha: string } };
    repository: { name: string; full_name: string; owner: { login: string } };
  };
  example.number = pull.number;
  example.pull_request.number = pull.number;
  example.pull_request.draft = pull.draft ?? false;
  example.pull_request.head.sha = pull.headSha;
  example.pull_request.head.ref = `change-${pull.number}`;
  example.pull_request.base.sha = pull.baseSha;
  example.repository.name = pull.repo;
  example.repository.full_name = `${pull.owner}/${pull.repo}`;
  example.repository.owner.login = pull.owner;
  return { ...example, installation: { id: pull.installationId, node_id: `I_${pull.installationId}` } };
}

/** Headers and body of a webhook delivery as GitHub signs it (X-Hub-Signature-256). */
export function signedWebhook(secret: string, event: string, payload: unknown, deliveryId: string = randomUUID()): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}

/** POSTs a webhook to a web process's endpoint; resolves with the status. */
export async function deliver(port: number, webhook: { headers: Record<string, string>; body: string }): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: webhook.headers, body: webhook.body });
  await response.text();
  return response.status;
}
