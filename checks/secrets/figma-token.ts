import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/figma-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Figma personal access token committed',
    description:
      'A Figma personal access token reads (and may edit) every file its user can open. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in Figma settings and read a new one from the environment (FIGMA_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Figma personal access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('figma-token')],
});
