import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/slack-webhook',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Slack incoming webhook committed',
    description:
      'A Slack incoming-webhook URL lets anyone post into its channel as your app: spam and convincing phishing. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the webhook in the Slack app settings and read the new URL from the environment (SLACK_WEBHOOK_URL).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Slack incoming-webhook URL {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('slack-webhook')],
});
