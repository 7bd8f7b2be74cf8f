import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'No SIGTERM handling for a server or consumer',
  description:
    'Twelve-factor processes are disposable: the platform stops them with SIGTERM on every deploy, scale-down or restart, and kills them a few seconds later. A server or queue consumer that does not handle SIGTERM dies mid-request or mid-job, dropping connections and leaving work half done; graceful shutdown stops accepting new work, lets in-flight work finish and then exits.',
  fix: 'Handle SIGTERM: stop accepting work (`server.close()`, `worker.close()`, `channel.stop_consuming()`), let in-flight work finish, then exit — or run under a server that does (gunicorn, uvicorn).',
  scope: 'repository',
  messages: {
    missing:
      "Disposability (IX): this {{what}} starts but nothing in the repository handles SIGTERM; add `process.on('SIGTERM', …)` that stops accepting work, lets in-flight work finish, then exits.",
    missingPython:
      'Disposability (IX): this {{what}} runs but no module of the repository handles SIGTERM; register `signal.signal(signal.SIGTERM, …)` to stop taking work, let in-flight work finish, then exit.',
    flaskRun:
      "Disposability (IX): {{what}} does not drain on SIGTERM and nothing in the repository handles it; serve the app with gunicorn (`gunicorn app:app`), which lets in-flight requests finish before exiting.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/missing-shutdown-handler',
  meta,
  detectors: [javascript, python],
});
