import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 12,
  severity: 'warning',
  title: 'HTTP endpoint runs an admin task',
  description:
    'Admin and maintenance tasks — migrations, seeding, shell commands — should run as one-off processes against the same release, started deliberately and logged on their own. Behind an HTTP route they run inside a web process with its request timeouts, can be triggered by anyone who finds the URL, run once per request (twice on a retry, once per replica behind a load balancer), and leave no record apart from the web logs.',
  fix: 'Move the task to a one-off command (`npm run migrate`, `python manage.py migrate`, a script run with `heroku run` or a Kubernetes Job) and remove the route.',
  messages: {
    migrations:
      'Admin processes (XII): the {{route}} route runs database migrations ({{detail}}) inside the web process; run them as a one-off admin process instead of an HTTP endpoint.',
    seeds:
      'Admin processes (XII): the {{route}} route seeds the database ({{detail}}) inside the web process; run seeding as a one-off admin command instead of an HTTP endpoint.',
    flush:
      'Admin processes (XII): the {{route}} route flushes a cache or queue ({{detail}}) inside the web process; run cache and queue maintenance as a one-off admin process instead of from an HTTP endpoint.',
    shell:
      'Admin processes (XII): the {{route}} route runs a shell command ({{detail}}) inside the web process; run admin tasks as one-off processes instead of from an HTTP endpoint.',
    command:
      'Admin processes (XII): the {{route}} route runs the management command {{detail}} inside the web process; run it as a one-off admin process (`python manage.py …`) instead of from an HTTP endpoint.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'admin-processes/no-admin-endpoint',
  meta,
  detectors: [javascript, python],
});
