import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/slack-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Slack token committed',
    description:
      'A Slack bot, user or app token reads and posts in every channel its scopes allow. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in the Slack app settings and read a new one from the environment (SLACK_BOT_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Slack token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('slack-token')],
});
