import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import dockerfile from './dockerfile.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'Container start command does not pass SIGTERM to the app',
  description:
    'When PID 1 of the container is `npm start` or the `/bin/sh -c` of a shell-form CMD, the SIGTERM the platform sends on shutdown never reaches node, so the app cannot drain and is killed mid-request. npm runs the script through `sh -c`, and the shell does not pass signals on; the platform waits out its grace period and then sends SIGKILL, cutting off in-flight requests and jobs, and every stop or deploy takes the full grace period.',
  fix: 'Make the main process PID 1: start it with `exec` in the start script, use the exec form (`CMD ["node", "dist/server.js"]`) in the Dockerfile, or put `dumb-init`/`tini -g` in ENTRYPOINT.',
  scope: 'repository',
  fixable: true,
  messages: {
    packageManager:
      'Disposability (IX): `{{command}}` makes {{manager}} PID 1, and it runs the "{{script}}" script through `sh -c`, which does not pass SIGTERM on to node; start node directly in exec form: `{{suggestion}}`.',
    shellForm:
      'Disposability (IX): `{{command}}` runs under `/bin/sh -c`, so the shell is PID 1 and SIGTERM never reaches the app; use the exec form `{{suggestion}}` (or start the command with `exec`).',
    mainWithoutExec:
      'Disposability (IX): {{process}} starts `{{command}}` without `exec` ({{chain}}), so the shell stays PID 1 and SIGTERM never reaches it; make it `exec {{command}}`.',
    packageManagerOnPath:
      'Disposability (IX): {{process}} starts `{{command}}` ({{chain}}), so {{manager}} is PID 1 and runs the "{{script}}" script through `sh -c`, which does not pass SIGTERM on; run the app\'s own command directly in exec form (`["node", "dist/server.js"]`).',
    handoverWithoutExec:
      'Disposability (IX): {{process}} runs the command it is given as a child (`{{command}}`, {{chain}}), so the shell stays PID 1 and SIGTERM never reaches it; make it `exec "$@"`.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/signal-forwarding',
  meta,
  detectors: [dockerfile, commands],
});
