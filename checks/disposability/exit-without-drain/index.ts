import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'Shutdown handler exits before draining',
  description:
    'A disposable process shuts down gracefully: on SIGTERM it stops accepting work and lets in-flight requests and jobs finish before exiting. `process.exit()` ends the process at once, so calling it in a signal handler before the server or consumer has closed — or right after a `close()` that has not completed yet, since closing is asynchronous — cuts off in-flight requests and jobs on every deploy.',
  fix: 'Call `process.exit()` only once the server or consumer has closed: in the close callback (`server.close(() => process.exit(0))`) or after awaiting a close that returns a promise (`await app.close()`).',
  messages: {
    noClose:
      'Disposability (IX): this signal handler exits without closing the server or consumer first; close it and call process.exit() in the close callback (or after awaiting the close), so in-flight work can finish.',
    closeNotAwaited:
      'Disposability (IX): process.exit() runs right after {{call}}() without waiting for it to finish; call process.exit() in its callback, or after awaiting it when it returns a promise.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/exit-without-drain',
  meta,
  detectors: [javascript],
});
