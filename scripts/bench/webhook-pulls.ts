import type { StandInPullRequest } from '../../test/support/github-stand-in.ts';

/** Pull requests spread over installations, as an App installed on a few organisations sees them. */
const INSTALLATIONS = 20;

/** The `index`-th pull request of the webhook benchmark: a new one each time, with one small file. */
export function webhookPullRequest(index: number): StandInPullRequest {
  return {
    installationId: 7_000 + (index % INSTALLATIONS),
    owner: `org-${index % INSTALLATIONS}`,
    repo: 'service',
    number: index + 1,
    headSha: (index + 1).toString(16).padStart(40, 'b'),
    baseSha: 'ba5e'.padEnd(40, '0'),
    files: { [`src/handler-${index + 1}.js`]: `export function handle${index + 1}(request) {\n  return { status: 200, path: request.url };\n}\n` },
  };
}
