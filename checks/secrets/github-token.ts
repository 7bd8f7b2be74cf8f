import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/github-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'GitHub token committed',
    description:
      'A GitHub token acts as its user or app on every repository and organisation it can reach: code, packages, workflows and secrets. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in GitHub settings and read a new one from the environment (GITHUB_TOKEN) or use the Actions-provided token.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): GitHub token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('github-token')],
});
