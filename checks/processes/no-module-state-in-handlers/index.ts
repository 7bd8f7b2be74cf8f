import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 6,
  severity: 'warning',
  title: 'Module-level state written by request handlers',
  description:
    'Twelve-factor processes are stateless and share nothing: the next request may reach another replica, and a restart or deploy wipes process memory. A module-level object, array, Map or Set that request handlers write (sessions, carts, rate-limit counters, uploads in progress) is per-process state that differs between replicas, vanishes on restart and grows without bound.',
  fix: 'Keep state that must outlive a request in a backing service (Redis, a database) instead of a module-level collection.',
  // Reported at the declaration, which a change adding only a write does not touch.
  scope: 'repository',
  messages: {
    moduleState:
      'Processes (VI): module-level `{{name}}` is written by a request handler (line {{line}}), so it differs per replica and vanishes on restart; keep this state in a backing service such as Redis or a database.',
    userKeyedCache:
      'Processes (VI): LRU cache `{{name}}` is keyed by user or session in a request handler (line {{line}}), so each replica holds different entries; keep per-user state in a shared store such as Redis.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-module-state-in-handlers',
  meta,
  detectors: [javascript],
});
