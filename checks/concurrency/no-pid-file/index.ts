import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 8,
  severity: 'warning',
  title: 'Process writes its own PID file',
  description:
    "Twelve-factor processes never write PID files: the platform's process manager (systemd, Kubernetes, Heroku's dynos, Foreman in development) tracks, restarts and scales processes. A PID file assumes one instance per machine, goes stale when the process crashes, and breaks as soon as several replicas share a filesystem or a restarted container reuses the PID.",
  fix: 'Remove the PID file and let the process manager supervise the process, running it in the foreground.',
  messages: {
    pidWrite:
      'Concurrency (VIII): the process writes its PID to a file; remove the PID file and let the process manager (systemd, Kubernetes, the platform) track the process.',
    pidPackage:
      'Concurrency (VIII): `{{package}}` creates a PID file; remove it and let the process manager (systemd, Kubernetes, the platform) track the process.',
    gunicornPidfile:
      'Concurrency (VIII): gunicorn writes its PID to the `pidfile` set here; remove the setting and let the process manager (systemd, Kubernetes, the platform) track the process.',
    pidFileOption:
      'Concurrency (VIII): {{process}} starts `{{command}}` with the PID file {{file}} ({{chain}}), which goes stale in an image or volume and stops the next start; drop the option and let the platform supervise the process.',
    pidFileWrite:
      'Concurrency (VIII): the start path of {{process}} writes a PID to {{file}} ({{chain}}), which goes stale in an image or volume and points at a stranger; drop the PID file and let the platform supervise the process.',
    railsPidFile:
      'Concurrency (VIII): {{process}} runs `{{command}}`, which writes tmp/pids/server.pid by default ({{chain}}), and a stale one stops the next start; run puma directly, or pass `--pid /dev/null`.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'concurrency/no-pid-file',
  meta,
  detectors: [javascript, python, commands],
});
