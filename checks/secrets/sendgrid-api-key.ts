import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/sendgrid-api-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'SendGrid API key committed',
    description:
      'A SendGrid API key sends mail as your domain — a ready-made phishing channel — and may read contacts. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Delete the key in SendGrid and read a new one from the environment (SENDGRID_API_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): SendGrid API key {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('sendgrid-api-key')],
});
