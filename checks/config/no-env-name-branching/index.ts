import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 3,
  severity: 'warning',
  title: 'Config chosen by environment name',
  description:
    'Branching on NODE_ENV (or APP_ENV, FLASK_ENV, ENVIRONMENT, STAGE) to pick hosts, URLs, credentials or service options groups config into named environments baked into the code: every new deploy (a second staging, a per-PR preview, a customer install) needs a code change, and the "production" settings live in the repository. Twelve-factor config is a set of independent environment variables, each set per deploy.',
  fix: 'Read each setting (DATABASE_URL, REDIS_URL, API endpoint…) from its own environment variable instead of choosing it by environment name.',
  messages: {
    branch:
      'Config (III): connection settings are chosen by the environment name ({{variable}}); read each one from its own environment variable instead.',
    configClass:
      'Config (III): a config class or module is chosen by the environment name ({{variable}}); read each setting from its own environment variable instead of one group per environment.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-env-name-branching',
  meta,
  detectors: [javascript, python],
});
