import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 5,
  severity: 'error',
  title: 'The running app changes its own code',
  description:
    'A twelve-factor app strictly separates build, release and run: a release is an immutable build plus config, and the run stage only executes it. An app that runs `git pull`, `npm install` or `pip install`, or writes source files next to its own code, while it runs makes every instance drift from the release that was tested and deployed, cannot be rolled back, and breaks on read-only or ephemeral file systems.',
  fix: 'Fetch code, install dependencies and generate source files in the build stage, and ship a new release to change the code.',
  winsOver: ['dependencies/no-implicit-system-tool'],
  messages: {
    command: 'Build, release, run (V): runs `{{command}}` at run time, so the running code drifts from its release; fetch code and install dependencies in the build stage instead.',
    write: 'Build, release, run (V): writes the source file {{file}} next to its own code at run time; generate code in the build stage instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'build-release-run/no-runtime-code-update',
  meta,
  detectors: [javascript, python],
});
