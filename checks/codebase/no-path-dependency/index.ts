import { defineCheck, type CheckMeta } from '../../define-check.ts';
import packageJson from './package-json.ts';
import pipfile from './pipfile.ts';
import pyproject from './pyproject.ts';
import requirements from './requirements.ts';

const meta = {
  factor: 1,
  severity: 'warning',
  title: 'Dependency on code outside the repository',
  description:
    'One codebase per app: code shared between apps belongs in a versioned package they depend on. A dependency on a path outside the repository (`file:../shared` in package.json, `-e ../shared` in requirements.txt, `path = "../shared"` in pyproject.toml) builds only on a machine where that other checkout happens to sit at the same relative path, in whatever state it is in — CI, colleagues and the build server get a different app or none.',
  fix: 'Publish the shared code as a versioned package (a private registry or index works) and depend on a version, or move it into this repository as a workspace package.',
  messages: {
    outside:
      'Codebase (I): dependency "{{name}}" points outside the repository ({{spec}}); publish the shared code as a versioned package or move it into this repository as a workspace package.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'codebase/no-path-dependency',
  meta,
  detectors: [packageJson, requirements, pyproject, pipfile],
});
