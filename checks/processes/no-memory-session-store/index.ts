import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 6,
  severity: 'error',
  title: 'Sessions kept in process memory',
  description:
    "Twelve-factor processes are stateless and share nothing: anything that must outlive a request belongs in a stateful backing service. Session stores kept in process memory or on the local disk (express-session's default MemoryStore, Django's file or local-memory cache sessions, Flask-Session's filesystem type) mean users are logged out on every restart or deploy, each replica sees different sessions, and an in-memory store grows without bound (express-session's own documentation says it is not meant for production).",
  fix: 'Keep sessions in a shared service: a `store` such as connect-redis for the session middleware, Django\'s db backend or a Redis cache, Flask-Session\'s "redis" or "sqlalchemy" type.',
  messages: {
    defaultStore:
      'Processes (VI): {{package}} is configured without a `store`, so sessions live in process memory and vanish on restart; pass a store backed by Redis or a database.',
    memoryStore:
      'Processes (VI): {{package}} is given an explicit MemoryStore, so sessions live in process memory and vanish on restart; use a store backed by Redis or a database.',
    djangoFile:
      "Processes (VI): SESSION_ENGINE stores sessions as files on this process's disk, which other replicas cannot see and a redeploy wipes; use the db backend or a cache backend on Redis.",
    djangoCache:
      'Processes (VI): SESSION_ENGINE keeps sessions in the "{{alias}}" cache, a {{backend}} local to each process, so they vanish on restart and differ per replica; point SESSION_CACHE_ALIAS at a Redis or Memcached cache, or use the db backend.',
    djangoCachedDb:
      'Processes (VI): cached_db sessions are cached in "{{alias}}", a LocMemCache per process, so other replicas keep serving a session after it changes or ends; point SESSION_CACHE_ALIAS at a shared cache such as Redis.',
    flaskSession:
      'Processes (VI): Flask-Session SESSION_TYPE "{{type}}" stores sessions {{where}}, which other replicas cannot see and a restart wipes; use "redis" or "sqlalchemy" instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-memory-session-store',
  meta,
  detectors: [javascript, python],
});
