import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/1password-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: '1Password service account token committed',
    description:
      'A 1Password service-account token opens every vault the account can read. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in 1Password, issue a new one and pass it in through the environment (OP_SERVICE_ACCOUNT_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): 1Password service-account token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('1password-token')],
});
