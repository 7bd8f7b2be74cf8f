import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/vercel-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Vercel token committed',
    description:
      'A Vercel token deploys, reads environment variables and changes domains of the projects it can reach. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in Vercel account settings and read a new one from the environment (VERCEL_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Vercel token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('vercel-token')],
});
