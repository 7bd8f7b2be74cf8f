import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/hashicorp-vault-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'HashiCorp Vault token committed',
    description:
      'A Vault token reads every secret its policies allow: one leaked token can expose all the others. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token (vault token revoke) and have the process authenticate at start-up (AppRole, Kubernetes, cloud auth) instead.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): HashiCorp Vault token {{preview}} is committed; revoke it and authenticate at start-up instead.',
    },
  },
  detectors: [detectSecrets('hashicorp-vault-token')],
});
