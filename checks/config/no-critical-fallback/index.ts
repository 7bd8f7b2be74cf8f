import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 3,
  severity: 'warning',
  title: 'Hard-coded fallback for essential config',
  description:
    'A default such as `process.env.DATABASE_URL || "postgres://localhost/app"` or `os.getenv("DATABASE_URL", "sqlite:///app.db")` hides a missing setting: a deploy that forgot the variable starts anyway and talks to the wrong database, or runs with a development secret. Config belongs in the environment; when an essential value (a URL, host, key, token, password or secret) is absent, the app should stop at start-up with a clear message naming it.',
  fix: 'Remove the fallback and fail fast at start-up with an error naming the missing variable.',
  winsOver: ['backing-services/no-hardcoded-service-url', 'backing-services/no-hardcoded-host', 'dev-prod-parity/different-backing-service', 'config/no-hardcoded-secret'],
  messages: {
    fallback: 'Config (III): {{name}} falls back to a hard-coded value; remove the fallback and fail at start-up with an error naming {{name}} when it is missing.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-critical-fallback',
  meta,
  detectors: [javascript, python],
});
