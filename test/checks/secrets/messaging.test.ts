import sendgridApiKey from '../../../checks/secrets/sendgrid-api-key.ts';
import slackToken from '../../../checks/secrets/slack-token.ts';
import slackWebhook from '../../../checks/secrets/slack-webhook.ts';
import twilioCredentials from '../../../checks/secrets/twilio-credentials.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const BOT_TOKEN = `xoxb-${fakeBody('slack-team', 11, 'digits')}-${fakeBody('slack-bot', 13, 'digits')}-${fakeBody('slack-secret', 24)}`;
const USER_TOKEN = `xoxp-${fakeBody('slack-team-2', 11, 'digits')}-${fakeBody('slack-user', 12, 'digits')}-${fakeBody('slack-user-2', 13, 'digits')}-${fakeBody('slack-user-3', 32, 'hex')}`;

testCheck(slackToken, {
  valid: [
    { name: "Slack's documented example", code: `const slack = new WebClient('xoxb-not-a-real-token-this-will-not-work');` },
    { name: 'a placeholder', code: `SLACK_BOT_TOKEN=xoxb-XXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX\n`, filename: '.env' },
    { name: 'an environment lookup', code: `const slack = new WebClient(process.env.SLACK_BOT_TOKEN);` },
    { name: 'an example file', code: `SLACK_BOT_TOKEN=${BOT_TOKEN}\n`, filename: '.env.example' },
  ],
  invalid: [
    { code: `const slack = new WebClient('${BOT_TOKEN}');`, errors: [{ messageId: 'found', line: 1, column: 30, messageIncludes: 'xoxb****' }] },
    { code: `slack:\n  user_token: ${USER_TOKEN}\n`, filename: 'config/slack.yml', errors: [{ messageId: 'found', line: 2, column: 15 }] },
  ],
});

const WEBHOOK = `https://hooks.slack.com/services/T${fakeBody('slack-t', 10, 'upperDigits')}/B${fakeBody('slack-b', 10, 'upperDigits')}/${fakeBody('slack-hook', 24)}`;

testCheck(slackWebhook, {
  valid: [
    { name: "Slack's documented example", code: `const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';` },
    { name: 'a placeholder', code: `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX\n`, filename: '.env' },
    { name: 'a template', code: `const hook = \`https://hooks.slack.com/services/\${team}/\${bot}/\${secret}\`;` },
    { name: 'a template file', code: `SLACK_WEBHOOK_URL=${WEBHOOK}\n`, filename: '.env.template' },
  ],
  invalid: [
    { code: `await fetch('${WEBHOOK}', { method: 'POST', body });`, errors: [{ messageId: 'found', line: 1, column: 14, messageIncludes: 'http****' }] },
    { code: `alerts:\n  webhook: "${WEBHOOK}"\n`, filename: 'config/alerts.yml', errors: [{ messageId: 'found', line: 2 }] },
  ],
});

const SENDGRID = `SG.${fakeBody('sendgrid-1', 10)}-${fakeBody('sendgrid-2', 11)}.${fakeBody('sendgrid-3', 20)}-${fakeBody('sendgrid-4', 22)}`;
const SENDGRID_PLAIN = `SG.${fakeBody('sendgrid-5', 22)}.${fakeBody('sendgrid-6', 43)}`;

testCheck(sendgridApiKey, {
  valid: [
    { name: 'a placeholder', code: `SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'an environment lookup', code: `sgMail.setApiKey(process.env.SENDGRID_API_KEY!);` },
    { name: 'the wrong length', code: `sgMail.setApiKey('SG.${fakeBody('sendgrid-7', 22)}.${fakeBody('sendgrid-8', 30)}');` },
  ],
  invalid: [
    { name: 'a key with "-" (the preset misses these)', code: `sgMail.setApiKey('${SENDGRID}');`, errors: [{ messageId: 'found', line: 1, column: 19, messageIncludes: `${SENDGRID.slice(0, 4)}****` }] },
    { code: `mail:\n  sendgrid_key: ${SENDGRID_PLAIN}\n`, filename: 'config/mail.yml', errors: [{ messageId: 'found', line: 2 }] },
    { code: `SENDGRID_API_KEY=${SENDGRID}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 18 }] },
  ],
});

const TWILIO_KEY = `SK${fakeBody('twilio-key', 32, 'hex')}`;
const TWILIO_AUTH = fakeBody('twilio-auth', 32, 'hex');

testCheck(twilioCredentials, {
  valid: [
    { name: 'an account SID (an identifier, not a credential)', code: `const accountSid = 'AC${fakeBody('twilio-sid', 32, 'hex')}';` },
    { name: 'a placeholder', code: `TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'environment lookups', code: `const sms = twilio(process.env.TWILIO_API_KEY, process.env.TWILIO_API_SECRET);` },
    { name: 'an auth token placeholder', code: `TWILIO_AUTH_TOKEN=your_auth_token\n`, filename: '.env' },
  ],
  invalid: [
    { code: `const sms = twilio('${TWILIO_KEY}', secret, { accountSid });`, errors: [{ messageId: 'found', line: 1, column: 21, messageIncludes: 'SK' }] },
    { name: 'an auth token found by its name', code: `TWILIO_ACCOUNT_SID=AC${fakeBody('twilio-sid-2', 32, 'hex')}\nTWILIO_AUTH_TOKEN=${TWILIO_AUTH}\n`, filename: '.env', errors: [{ messageId: 'found', line: 2, column: 19 }] },
    { code: `sms:\n  twilio_auth_token: "${TWILIO_AUTH}"\n`, filename: 'config/twilio.yml', errors: [{ messageId: 'found', line: 2 }] },
  ],
});
