import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/connection-string-credentials',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Password embedded in a connection URL',
    description:
      'A connection URL with a password in it (postgres://user:pass@host, redis://:pass@host, amqp://, mongodb+srv://…) hands the database, cache or broker to anyone who reads it, and ties the code to one deployment. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the password and read the whole connection URL from the environment (DATABASE_URL, REDIS_URL, AMQP_URL…).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): password {{preview}} is embedded in a {{scheme}}:// URL; rotate it and read the whole URL from the environment (e.g. DATABASE_URL).',
    },
  },
  detectors: [detectSecrets('connection-string-credentials')],
});
