import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'Shutdown handler exits before draining',
  description:
    'A disposable process shuts down gracefully: on SIGTERM it stops accepting work and lets in-flight requests and jobs finish before exiting. Exiting (`process.exit()`, `sys.exit()`) ends the process at once, so calling it in a signal handler before the server or consumer has closed — or right after a `close()` that has not completed yet, since closing is asynchronous — cuts off in-flight requests and jobs on every deploy.',
  fix: 'Exit only once the server or consumer has closed: in JS/TS in the close callback (`server.close(() => process.exit(0))`) or after awaiting the close; in Python after the serving or consuming loop has returned (the handler only sets a flag or stops the loop).',
  messages: {
    noClose:
      'Disposability (IX): this signal handler exits without closing the server or consumer first; close it and call process.exit() in the close callback (or after awaiting the close), so in-flight work can finish.',
    closeNotAwaited:
      'Disposability (IX): process.exit() runs right after {{call}}() without waiting for it to finish; call process.exit() in its callback, or after awaiting it when it returns a promise.',
    exitPython:
      'Disposability (IX): this signal handler ends the process with {{call}} while the {{what}} is still running, cutting off in-flight work; set a flag or an Event that stops the loop, and exit once it has returned.',
    shutdownDeadlock:
      'Disposability (IX): {{call}}() in a signal handler waits for serve_forever(), which runs in the very thread the handler interrupts, so the process hangs until it is killed; call it from another thread (`threading.Thread(target={{call}}).start()`).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/exit-without-drain',
  meta,
  detectors: [javascript, python],
});
