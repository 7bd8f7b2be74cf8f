import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';

const meta = {
  factor: 2,
  severity: 'error',
  title: 'Import of an undeclared package',
  description:
    'A twelve-factor app declares all its dependencies, completely and exactly, in a manifest. A package that is imported but not declared only works because something else happened to install it (a hoisted transitive dependency, a global install, a sibling workspace): a fresh `npm ci`, pnpm\'s strict layout or `npm ci --omit=dev` in the production image breaks it at run time.',
  fix: 'Declare the package in the dependencies of the nearest package.json (devDependencies only for tests and tooling).',
  scope: 'repository',
  messages: {
    undeclared: "Dependencies (II): '{{name}}' is imported but not declared in {{manifest}}; add it to dependencies.",
    devOnly:
      "Dependencies (II): '{{name}}' is imported by runtime code but declared only in devDependencies of {{manifest}}, so `npm ci --omit=dev` drops it; move it to dependencies.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/no-undeclared-import',
  meta,
  detectors: [javascript],
});
