import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/azure-connection-string',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Azure storage or Service Bus key committed',
    description:
      'An Azure storage account key (or a Service Bus / Event Hubs shared access key, or a SAS signature) grants full access to the account or entity it belongs to. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the key in the Azure portal and read the connection string from the environment or use a managed identity.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Azure access key {{preview}} is committed; rotate it and read the connection string from the environment.',
    },
  },
  detectors: [detectSecrets('azure-connection-string')],
});
