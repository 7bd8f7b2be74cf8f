import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 10,
  severity: 'warning',
  title: 'Different backing service in development and production',
  description:
    'Dev/prod parity means using the same type and version of each backing service everywhere. A lightweight stand-in in development — SQLite for PostgreSQL, an in-process memory store for Redis, a console mail backend for SMTP — behaves differently in SQL dialect, types, locking, transactions and eviction, so code that passes locally and in CI fails in production, where the gap is found last and costs most.',
  fix: 'Run the production service in development too (a local container is enough) and select it with configuration, not a per-environment service type.',
  winsOver: ['config/no-env-name-branching'],
  messages: {
    different:
      'Dev/prod parity (X): {{devEnv}} uses {{devKind}} but {{prodEnv}} uses {{prodKind}}; use {{prodKind}} in development too (a local container is enough).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dev-prod-parity/different-backing-service',
  meta,
  detectors: [javascript, python],
});
