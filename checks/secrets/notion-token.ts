import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/notion-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Notion integration token committed',
    description:
      'A Notion integration token reads and edits every page shared with the integration. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the token in the Notion integration settings and read it from the environment (NOTION_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Notion integration token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('notion-token')],
});
