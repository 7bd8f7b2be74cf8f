import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/jwt',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Signed JSON Web Token committed',
    description:
      'A signed JWT is a bearer credential: until it expires, anyone holding it is the subject it names, with the roles and scopes it carries. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Invalidate the token (rotate the signing key if it cannot be revoked) and obtain tokens at run time instead of committing them.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): signed JWT {{preview}} is committed; invalidate it and obtain tokens at run time instead.',
    },
  },
  detectors: [detectSecrets('jwt')],
});
