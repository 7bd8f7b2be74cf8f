import { defineCheck, type CheckMeta } from '../../define-check.ts';
import anyFile from './any-file.ts';

const meta = {
  factor: 3,
  severity: 'warning',
  title: 'Config grouped into named environments',
  description:
    'Config files per named environment (`config/production.json`, `settings/staging.py`, `application-prod.yml`) do not scale: every new deploy needs a new file in the codebase, values for one environment are copied across files, and which config a process really runs with depends on an environment name instead of its environment. Each deploy should get its own values from environment variables, independently of the others.',
  fix: 'Keep one set of defaults in code and read every deploy-specific value from an environment variable (with node-config, map them in custom-environment-variables.json).',
  messages: {
    grouped:
      'Config (III): {{file}} groups config under the "{{environment}}" environment name; read deploy-specific values from environment variables instead of one config file per environment.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-env-grouped-config',
  meta,
  detectors: [anyFile],
});
