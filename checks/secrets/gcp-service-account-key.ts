import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/gcp-service-account-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'GCP service account key file committed',
    description:
      'A Google Cloud service-account key file carries the account\'s private key: whoever has it acts as the service account until the key is deleted. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Delete the key in IAM, use workload identity or mount the key file from a secret store, and point GOOGLE_APPLICATION_CREDENTIALS at it.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Google Cloud service-account private key {{preview}} is committed; delete the key in IAM and mount credentials from a secret store instead.',
    },
  },
  detectors: [detectSecrets('gcp-service-account-key')],
});
