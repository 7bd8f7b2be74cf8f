import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';

const meta = {
  factor: 10,
  severity: 'warning',
  title: 'Production starts a development server',
  description:
    'A development server (`manage.py runserver`, `flask run`, `nodemon`, `next dev`, `uvicorn --reload`, `ts-node`) as the main process of a production start path makes production differ from what was tested in kind, not only in scale. Development servers are single-process, unhardened and slow, watch the file system, compile on the fly and often expose a debugger.',
  fix: 'Start the production server (`gunicorn`, `uvicorn` without `--reload`, `next start`, `node dist/main.js`) and do the build at build time.',
  scope: 'repository',
  winsOver: ['build-release-run/no-build-at-start'],
  messages: {
    devServer:
      'Dev/prod parity (X): {{process}} runs the development server `{{command}}` in production ({{chain}}); start the production server (gunicorn, uvicorn without --reload, next start, node dist/main.js) with the build done at build time.',
    typescriptRunner:
      'Dev/prod parity (X): {{process}} runs TypeScript through `{{command}}` without a build step ({{chain}}); compile it at build time and start the output with node.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dev-prod-parity/dev-server-in-production',
  meta,
  detectors: [commands],
});
