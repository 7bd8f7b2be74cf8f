import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/private-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Private key committed',
    description:
      'A private key (TLS, SSH, signing, PGP) lets whoever holds it impersonate its owner or decrypt what was meant for them; a passphrase-encrypted key only delays an offline attack. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke or replace the key pair and load the private key from a secret store or a file mounted at run time, outside the repository.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): {{type}} private key is committed; replace the key pair and load the key from a secret store at run time.',
    },
  },
  detectors: [detectSecrets('private-key')],
});
