import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';

const meta = {
  factor: 5,
  severity: 'error',
  title: 'Process installs or builds when it starts',
  description:
    'A process that installs dependencies, compiles or pulls code when it starts rebuilds its release on every start, so what runs is no longer the image that was built and tested. The build stage turns code into a release and the run stage only runs it: with `npm install`, `tsc` or `git pull` at start, start-up is slow, each replica may run different dependency versions or code, and a registry or network outage stops the app from starting at all.',
  fix: 'Move installs, compilation and code fetches into the build (Dockerfile RUN steps, the platform build phase) and start the built app directly (`CMD ["node", "dist/server.js"]`).',
  scope: 'repository',
  messages: {
    startPath:
      'Build, release, run (V): {{process}} runs `{{command}}` every time it starts ({{chain}}), which {{what}} at run time; do it at build time (a Dockerfile RUN step, the build phase) so what runs is the release that was built.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'build-release-run/no-build-at-start',
  meta,
  detectors: [commands],
});
