import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/aws-secret-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'AWS secret access key committed',
    description:
      'An AWS secret access key signs API requests as its IAM user, with every permission that user has. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Deactivate the key pair in IAM, rotate it and give the process credentials through its role or the environment (AWS_SECRET_ACCESS_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): AWS secret access key {{preview}} is committed; deactivate the key pair and take credentials from the role or the environment.',
    },
  },
  detectors: [detectSecrets('aws-secret-key')],
});
