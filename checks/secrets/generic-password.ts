import { defineCheck } from '../define-check.ts';
import { KEYWORD_SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/generic-password',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Hard-coded password',
    description:
      'A password written into code or configuration (password: "…", DB_PASSWORD=…) is shared with everyone who can read the repository and cannot differ between deploys. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the password and read it from the environment (e.g. process.env.DB_PASSWORD) or a secret manager.',
    includeTests: true,
    winsOver: KEYWORD_SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): hard-coded password {{preview}} in {{name}}; rotate it and read it from the environment instead.',
    },
  },
  detectors: [detectSecrets('generic-password')],
});
