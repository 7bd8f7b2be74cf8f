import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/linear-api-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Linear API key committed',
    description:
      'A Linear API key reads and edits every issue and project its user can reach. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the key in Linear settings and read a new one from the environment (LINEAR_API_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Linear API key {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('linear-api-key')],
});
