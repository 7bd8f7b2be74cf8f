import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'No SIGTERM handling for a server or consumer',
  description:
    'Twelve-factor processes are disposable: the platform stops them with SIGTERM on every deploy, scale-down or restart, and kills them a few seconds later. A server or queue consumer that does not handle SIGTERM dies mid-request or mid-job, dropping connections and leaving work half done; graceful shutdown stops accepting new work, lets in-flight work finish and then exits.',
  fix: "Handle SIGTERM: stop accepting work (`server.close()`, `worker.close()`), let in-flight work finish, then exit.",
  scope: 'repository',
  messages: {
    missing:
      "Disposability (IX): this {{what}} starts but nothing in the repository handles SIGTERM; add `process.on('SIGTERM', …)` that stops accepting work, lets in-flight work finish, then exits.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/missing-shutdown-handler',
  meta,
  detectors: [javascript],
});
