import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/databricks-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Databricks personal access token committed',
    description:
      'A Databricks personal access token acts as its user on the workspace: notebooks, clusters, jobs and data. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in the Databricks user settings and read a new one from the environment (DATABRICKS_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Databricks personal access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('databricks-token')],
});
