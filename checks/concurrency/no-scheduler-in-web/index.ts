import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 8,
  severity: 'warning',
  title: 'Recurring job scheduled inside the web process',
  description:
    'Twelve-factor apps scale out by running more processes of each type. A timer or cron job scheduled inside the process that serves HTTP runs once per web replica: with N replicas the nightly report is sent N times, the cleanup races itself, and scaling the web tier changes how often jobs run. Recurring work belongs in its own process type (a clock) or in a distributed scheduler that runs it once across replicas.',
  fix: 'Move the job to a separate clock/worker process, or schedule it with a distributed scheduler that runs it once across replicas (a BullMQ repeatable job, Celery beat).',
  scope: 'repository',
  winsOver: ['concurrency/no-self-daemonize'],
  messages: {
    scheduled:
      'Concurrency (VIII): {{scheduler}} schedules recurring work in a file that also binds a port, so every web replica runs the job; move it to a separate clock process or a BullMQ repeatable job.',
    schedulerPython:
      'Concurrency (VIII): {{scheduler}} starts recurring jobs from the web process\'s start-up code, so every web replica and worker runs them; move them to a clock process (a BlockingScheduler in clock.py) or Celery beat.',
    repeatingTask:
      'Concurrency (VIII): {{what}} repeats work every {{seconds}} s inside the web process, once per replica and worker; move it to a clock process or Celery beat.',
    embeddedBeat:
      'Concurrency (VIII): {{process}} runs Celery beat inside its worker (`{{option}}`, {{chain}}), so every replica schedules every job; run beat as one clock process (Procfile `clock: celery -A proj beat`, a `beat` compose service).',
    schedulerBeside:
      'Concurrency (VIII): {{process}} starts the scheduler `{{command}}` beside its server ({{chain}}), so with N replicas every job fires N times; run it as one clock process (a Procfile `clock:` line, its own compose service, a Kubernetes CronJob).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'concurrency/no-scheduler-in-web',
  meta,
  detectors: [javascript, python, commands],
});
