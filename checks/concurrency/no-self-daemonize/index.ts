import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import javascript from './javascript.ts';
import python from './python.ts';

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
    forkDetach:
      'Concurrency (VIII): this os.fork() sends the process to the background (the parent exits or the child starts a new session); run it in the foreground and let the process manager supervise it.',
    detachedSelfPython:
      'Concurrency (VIII): the process re-starts itself in a new session to run in the background; run it in the foreground and let the process manager supervise it.',
    gunicornDaemon:
      'Concurrency (VIII): `daemon = True` sends gunicorn to the background; remove it and let the process manager run gunicorn in the foreground.',
    detached:
      'Concurrency (VIII): {{process}} detaches `{{command}}` with {{how}} ({{chain}}), so the platform no longer sees, restarts, scales or signals it and its output is lost; run one process per process type, in the foreground.',
    backgroundServer:
      'Concurrency (VIII): {{process}} starts `{{command}}` in the background with `&` and never waits for it ({{chain}}), so the platform no longer sees, restarts, scales or signals it; run it as its own process type, in the foreground.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'concurrency/no-self-daemonize',
  meta,
  detectors: [javascript, python, commands],
});
