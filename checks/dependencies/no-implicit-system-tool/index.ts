import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 2,
  severity: 'warning',
  title: 'Shells out to an undeclared system tool',
  description:
    'A twelve-factor app never relies on the implicit existence of system-wide tools: shelling out to curl, ImageMagick or pg_dump works on the developer\'s laptop and fails in a slim container or on a new platform, at run time, on the code path that needs it. Dependencies have to be declared and isolated, so that a fresh checkout plus its declared dependencies runs.',
  fix: 'Use a library (an npm or PyPI package) instead of the binary, or install the tool explicitly in the image (Dockerfile, Aptfile) and check for it at start-up.',
  messages: {
    tool: 'Dependencies (II): runs the system tool {{tools}}, which the app does not declare; use a library instead, or install it explicitly in the image and check for it at start-up.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/no-implicit-system-tool',
  meta,
  detectors: [javascript, python],
});
