import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/npm-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'npm access token committed',
    description:
      'An npm access token can publish packages under its account: a supply-chain foothold for everyone who installs them. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token (npm token revoke) and use `_authToken=${NPM_TOKEN}` in .npmrc with the value from the environment.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): npm access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('npm-token')],
});
