import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/anthropic-api-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Anthropic API key committed',
    description:
      'An Anthropic API key bills its organisation for every request made with it. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Delete the key in the Anthropic console, create a new one and read it from the environment (ANTHROPIC_API_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Anthropic API key {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('anthropic-api-key')],
});
