import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/aws-account-id',
  meta: {
    factor: 3,
    severity: 'notice',
    title: 'AWS account id committed',
    description:
      'An AWS account id is not a credential, but it names the account attackers should target and couples the code to one deployment. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Read the account id from the environment or the deployment tooling instead of the code.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): AWS account id {{preview}} is hard-coded; read it from the environment or the deployment tooling instead.',
    },
  },
  detectors: [detectSecrets('aws-account-id')],
});
