import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/google-api-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Google API key committed',
    description:
      'A Google API key bills and authorises calls to every API it is not restricted from (Maps, Places, Gemini, Firebase…). Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Regenerate the key in the Google Cloud console, restrict it, and read it from the environment (GOOGLE_API_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Google API key {{preview}} is committed; regenerate and restrict it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('google-api-key')],
});
