import { defineCheck, type CheckMeta } from '../../define-check.ts';
import dockerfile from './dockerfile.ts';

const meta = {
  factor: 5,
  severity: 'error',
  title: 'Container installs or builds when it starts',
  description:
    'A container that installs dependencies, compiles or pulls code when it starts rebuilds its release on every start, so what runs is no longer the image that was built and tested. The build stage turns code into a release and the run stage only runs it: with `npm install`, `tsc` or `git pull` at start, start-up is slow, each replica may run different dependency versions or code, and a registry or network outage stops the app from starting at all.',
  fix: 'Move installs, compilation and code fetches into RUN steps of the Dockerfile and start the built app directly (`CMD ["node", "dist/server.js"]`).',
  scope: 'repository',
  messages: {
    direct:
      'Build, release, run (V): the container runs `{{command}}` every time it starts, which {{what}} at run time; do it in a RUN step so the image is the release.',
    indirect:
      'Build, release, run (V): `{{entry}}` runs `{{command}}` ({{where}}) every time the container starts, which {{what}} at run time; do it in a RUN step so the image is the release.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'build-release-run/no-build-at-start',
  meta,
  detectors: [dockerfile],
});
