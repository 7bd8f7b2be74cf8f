import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/grafana-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Grafana token committed',
    description:
      'A Grafana Cloud API token or service-account token reads dashboards and data sources and may change alerting. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in Grafana and read a new one from the environment (GRAFANA_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Grafana token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('grafana-token')],
});
