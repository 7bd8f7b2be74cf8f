import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/twilio-credentials',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Twilio credentials committed',
    description:
      'A Twilio API key or auth token sends SMS and places calls billed to the account, and reads its message logs. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the credential in the Twilio console and read it from the environment (TWILIO_AUTH_TOKEN, TWILIO_API_SECRET).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Twilio credential {{preview}} is committed; rotate it in the Twilio console and load it from the environment.',
    },
  },
  detectors: [detectSecrets('twilio-credentials')],
});
