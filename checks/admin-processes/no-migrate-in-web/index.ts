import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';

const meta = {
  factor: 12,
  severity: 'warning',
  title: 'Long-running process runs migrations when it starts',
  description:
    'Admin tasks such as schema migrations run as one-off processes against a release, not as part of the long-running processes. A `web:` command that migrates before it serves runs the migration in every web instance at every start, scale-out and restart: instances race each other on the schema, a failed migration crash-loops the whole web tier, and new code may serve before the schema matches. A Procfile `release:` process runs it once per release, before the new web processes start.',
  fix: 'Run the migration once per release (a `release:` process type, heroku.yml `release`, a one-off compose service or a Job) and let the process only start its server.',
  scope: 'repository',
  fixable: true,
  winsOver: ['admin-processes/no-migrations-on-startup'],
  messages: {
    startPath:
      'Admin processes (XII): {{process}} runs `{{command}}` every time an instance starts ({{chain}}), once per instance and racing the others; run it once per release (a `release:` process, heroku.yml `release`, a one-off compose service or a Job).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'admin-processes/no-migrate-in-web',
  meta,
  detectors: [commands],
});
