import { defineCheck, type CheckMeta } from '../../define-check.ts';
import procfile from './procfile.ts';

const meta = {
  factor: 12,
  severity: 'warning',
  title: 'Web process runs migrations when it starts',
  description:
    'Admin tasks such as schema migrations run as one-off processes against a release, not as part of the long-running processes. A `web:` command that migrates before it serves runs the migration in every web instance at every start, scale-out and restart: instances race each other on the schema, a failed migration crash-loops the whole web tier, and new code may serve before the schema matches. A Procfile `release:` process runs it once per release, before the new web processes start.',
  fix: 'Move the migration to a `release:` process type (`release: npm run migrate`) and let `web:` only start the server.',
  scope: 'repository',
  fixable: true,
  messages: {
    direct:
      'Admin processes (XII): the web process runs `{{command}}` every time an instance starts, once per instance and racing the others; run it once per release in a `release:` process type.',
    indirect:
      'Admin processes (XII): the web process runs `{{command}}` ({{where}}) every time an instance starts, once per instance and racing the others; run it once per release in a `release:` process type.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'admin-processes/no-migrate-in-web',
  meta,
  detectors: [procfile],
});
