import { defineCheck, type CheckMeta } from '../../define-check.ts';
import dockerfile from './dockerfile.ts';

const meta = {
  factor: 2,
  severity: 'notice',
  title: 'Global npm install in the image',
  description:
    'A twelve-factor app declares every dependency in its manifest and never relies on system-wide packages. A tool installed with `npm install -g` in the runtime image is invisible to package.json and the lockfile: its version floats with each build, it is missing when the app runs anywhere else, and nothing tells a reader that the app needs it. Global installs in build-only stages are not reported: they never reach the image that runs.',
  fix: 'Declare the tool in package.json (dependencies for what runs in production) and run it from node_modules/.bin through an npm script or `npx`.',
  messages: {
    global:
      'Dependencies (II): `{{command}}` installs {{packages}} globally in the runtime image, outside package.json and the lockfile; declare it in package.json and run it through an npm script or npx.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/no-global-install',
  meta,
  detectors: [dockerfile],
});
