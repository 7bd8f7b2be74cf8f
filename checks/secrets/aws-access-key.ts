import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/aws-access-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'AWS access key id committed',
    description:
      'An AWS access key id is half of an IAM credential; the secret key usually sits beside it, and the id alone tells an attacker which account and user to target. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Deactivate the key pair in IAM, rotate it and give the process credentials through its role or the environment (AWS_ACCESS_KEY_ID).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): AWS access key id {{preview}} is committed; deactivate the key pair and take credentials from the role or the environment.',
    },
  },
  detectors: [detectSecrets('aws-access-key')],
});
