import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 12,
  severity: 'warning',
  title: 'Migrations run when the app starts',
  description:
    'Admin tasks such as database migrations should run as one-off processes against a release, once per deploy. Run at start-up instead, every replica races to migrate the same database on every boot and restart, a slow or failing migration blocks or crash-loops the web process, and schema changes ship at an unpredictable moment instead of as an explicit release step that can be watched and rolled back.',
  fix: 'Run migrations as a one-off release step (a Procfile `release:` process, a Kubernetes Job, `npm run migrate` or `alembic upgrade head` in the deploy pipeline), not in the process start-up.',
  messages: {
    call: 'Admin processes (XII): {{call}} runs migrations when the app starts; run them as a one-off release step (e.g. a Procfile `release:` process) instead.',
    sync: 'Admin processes (XII): {{call}} alters the schema every time the app starts; use migrations run as a one-off release step instead.',
    plainSync:
      'Admin processes (XII): {{call}} creates missing tables when the app starts; manage the schema with migrations run as a one-off release step instead.',
    ormOption:
      'Admin processes (XII): TypeORM `{{option}}: true` changes the schema every time the app starts; set it to false and run migrations as a one-off release step.',
    exec: 'Admin processes (XII): the process that serves requests runs `{{command}}` at start-up; run it as a one-off release step instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'admin-processes/no-migrations-on-startup',
  meta,
  detectors: [javascript, python],
});
