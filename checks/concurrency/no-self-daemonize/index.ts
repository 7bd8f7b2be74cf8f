import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 8,
  severity: 'warning',
  title: 'Process daemonizes itself',
  description:
    "Twelve-factor processes never daemonize: they run in the foreground and rely on the platform's process manager (systemd, Kubernetes, Heroku, Foreman) to start, stop, restart and collect their output. A process that forks itself into the background detaches from that supervisor: crashes go unnoticed, SIGTERM reaches the wrong process, and logs leave stdout.",
  fix: 'Run the process in the foreground and let the process manager start, restart and stop it.',
  messages: {
    daemonPackage:
      'Concurrency (VIII): `{{package}}` sends the process to the background; run it in the foreground and let the process manager supervise it.',
    detachedSelf:
      'Concurrency (VIII): the process re-spawns itself detached and unref()s the child to run in the background; run it in the foreground and let the process manager supervise it.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'concurrency/no-self-daemonize',
  meta,
  detectors: [javascript],
});
