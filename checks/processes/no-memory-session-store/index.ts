import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 6,
  severity: 'error',
  title: 'Sessions kept in process memory',
  description:
    'Twelve-factor processes are stateless and share nothing: anything that must outlive a request belongs in a stateful backing service. express-session and @fastify/session keep sessions in an in-process MemoryStore unless given a `store`, so users are logged out on every restart or deploy, each replica sees different sessions, and the store leaks memory (its own documentation says it is not meant for production).',
  fix: 'Pass a `store` backed by a shared service (connect-redis, connect-pg-simple, connect-mongo…) to the session middleware.',
  messages: {
    defaultStore:
      'Processes (VI): {{package}} is configured without a `store`, so sessions live in process memory and vanish on restart; pass a store backed by Redis or a database.',
    memoryStore:
      'Processes (VI): {{package}} is given an explicit MemoryStore, so sessions live in process memory and vanish on restart; use a store backed by Redis or a database.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-memory-session-store',
  meta,
  detectors: [javascript],
});
