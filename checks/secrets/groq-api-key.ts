import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/groq-api-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Groq API key committed',
    description:
      'A Groq API key bills its organisation for every request made with it. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the key in the Groq console and read a new one from the environment (GROQ_API_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Groq API key {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('groq-api-key')],
});
