import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 6,
  severity: 'warning',
  title: 'Module-level state written by request handlers',
  description:
    'Twelve-factor processes are stateless and share nothing: the next request may reach another replica, and a restart or deploy wipes process memory. A module-level collection (an object, array, Map or Set; a dict, list or set) that request handlers write (sessions, carts, rate-limit counters, uploads in progress) is per-process state that differs between replicas, vanishes on restart and grows without bound.',
  fix: 'Keep state that must outlive a request in a backing service (Redis, a database) instead of a module-level collection.',
  // Reported at the declaration, which a change adding only a write does not touch.
  scope: 'repository',
  messages: {
    moduleState:
      'Processes (VI): module-level `{{name}}` is written by a request handler (line {{line}}), so it differs per replica and vanishes on restart; keep this state in a backing service such as Redis or a database.',
    moduleStateThroughHelper:
      'Processes (VI): module-level `{{name}}` is written through {{helper}}, which a request handler calls ({{file}}, line {{line}}), so it differs per replica and vanishes on restart; keep this state in a backing service such as Redis or a database.',
    userKeyedCache:
      'Processes (VI): LRU cache `{{name}}` is keyed by user or session in a request handler (line {{line}}), so each replica holds different entries; keep per-user state in a shared store such as Redis.',
    cachetools:
      'Processes (VI): cachetools cache `{{name}}` is written by a request handler (line {{line}}), so each replica holds different entries and a restart empties it; if they must agree across replicas, keep them in a shared cache such as Redis.',
    websocketSet:
      "Processes (VI): module-level `{{name}}` tracks this process's WebSocket connections (line {{line}}), so a broadcast reaches only the clients of this replica; fan messages out through a pub/sub service such as Redis.",
    appState:
      "Processes (VI): a request handler writes `{{target}}`, state held in this process's memory, so it differs per replica and vanishes on restart; keep shared state in a backing service such as Redis.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-module-state-in-handlers',
  meta,
  detectors: [javascript, python],
});
