import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/gitlab-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'GitLab personal access token committed',
    description:
      'A GitLab personal access token acts as its user on every project and group that user can reach. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in GitLab and read a new one from the environment (GITLAB_TOKEN) or use CI_JOB_TOKEN in pipelines.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): GitLab personal access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('gitlab-token')],
});
