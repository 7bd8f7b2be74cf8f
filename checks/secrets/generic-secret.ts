import { defineCheck } from '../define-check.ts';
import { KEYWORD_SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/generic-secret',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Hard-coded secret, token or API key',
    description:
      'A high-entropy value assigned to a secret, token or API key name (API_KEY = "…", clientSecret: "…") is almost always a live credential, shared with everyone who can read the repository. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the value and read it from the environment (e.g. process.env.API_KEY) or a secret manager.',
    includeTests: true,
    winsOver: KEYWORD_SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): hard-coded secret {{preview}} in {{name}}; rotate it and read it from the environment instead.',
    },
  },
  detectors: [detectSecrets('generic-secret')],
});
