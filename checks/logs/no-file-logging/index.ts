import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 11,
  severity: 'error',
  title: 'The app writes its own log files',
  description:
    'A twelve-factor app never concerns itself with routing or storing its output: it writes its event stream, unbuffered, to stdout, and the execution environment collects, routes and archives it. Log files inside a container vanish with it, fill the disk, are invisible to the platform\'s log tooling and are split across every replica.',
  fix: 'Log to stdout (a console transport, `pino.destination(1)`, `logging.StreamHandler(sys.stdout)`) and let the platform route the stream.',
  fixable: true,
  messages: {
    winston: 'Logs (XI): winston {{transport}} transport writes a log file; log to stdout with a Console transport instead.',
    pino: 'Logs (XI): pino writes to the file {{file}}; write to stdout with pino.destination(1) instead.',
    pinoTransport: "Logs (XI): pino transport '{{target}}' writes to a file; send logs to stdout instead.",
    log4js: "Logs (XI): log4js '{{type}}' appender writes a log file; use the 'stdout' appender instead.",
    bunyan: 'Logs (XI): bunyan stream writes to the file {{file}}; log to process.stdout instead.',
    fs: 'Logs (XI): {{method}} writes the log file {{file}}; write log events to stdout instead.',
    fileHandler: 'Logs (XI): {{handler}} writes a log file; log to stdout with logging.StreamHandler(sys.stdout) instead.',
    basicConfig: 'Logs (XI): logging.basicConfig(filename=…) writes the log file {{file}}; pass stream=sys.stdout instead.',
    dictConfig: 'Logs (XI): logging handler class "{{handler}}" writes a log file; use "logging.StreamHandler" with "stream": "ext://sys.stdout" instead.',
    loguru: 'Logs (XI): loguru sink {{file}} writes a log file; add sys.stdout as the sink instead.',
    structlog: 'Logs (XI): structlog {{factory}} writes to a file; let it print to sys.stdout instead.',
    redirect: "Logs (XI): sys.{{stream}} is redirected to a file, so the output never reaches the platform's log stream; leave it on the process's own stream.",
    gunicorn: 'Logs (XI): gunicorn {{setting}} writes to the file {{file}}; set it to "-" so gunicorn logs to the process\'s output.',
    outputRedirect:
      "Logs (XI): {{process}} sends the output of `{{command}}` to the file {{file}} ({{chain}}), out of the platform's log stream; drop the redirection and let the platform route stdout and stderr.",
    execOutput:
      "Logs (XI): this `exec` sends all later output of the start script, {{process}} included, to the file {{file}} ({{chain}}), out of the platform's log stream; drop the redirection and let the platform route stdout and stderr.",
    logFileOption:
      'Logs (XI): {{process}} runs `{{command}}` with `{{option}}` writing the log file {{file}} ({{chain}}); use `-` or drop the option so it logs to stdout/stderr, and let the platform route the stream.',
    teeCopy:
      'Logs (XI): {{process}} also copies its output to the file {{file}} with `tee` ({{chain}}); the stream still reaches stdout, so drop the copy and let the platform keep the logs.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'logs/no-file-logging',
  meta,
  detectors: [javascript, python, commands],
});
