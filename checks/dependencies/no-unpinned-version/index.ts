import { defineCheck, type CheckMeta } from '../../define-check.ts';
import packageJson from './package-json.ts';
import pipfile from './pipfile.ts';
import pyproject from './pyproject.ts';
import requirements from './requirements.ts';

const meta = {
  factor: 2,
  severity: 'warning',
  title: 'Dependency without a version constraint',
  description:
    'Dependencies must be declared explicitly and exactly enough that every build gets the same code. `*`, `latest`, a dist-tag or a git branch accepts whatever is published or pushed next, including breaking majors, so a fresh install (a new lockfile, a lockfile update, a tool that ignores it) can change the app without a code change. Semver ranges in package.json, and ranges in pyproject.toml or a Pipfile, are fine: the lockfile pins them. A requirements file is its own lock: pip installs whatever its entries accept.',
  fix: 'Declare a semver range in package.json (`^4.19.2`); pin requirements-file entries with `==` (or compile them with pip-compile or `uv pip compile`); pin a git dependency to a tag or commit (`#v1.4.0`, `@v1.4.0`, `tag = "v1.4.0"`).',
  messages: {
    anyVersion: 'Dependencies (II): "{{name}}": "{{spec}}" accepts any version, including the next breaking major; declare a semver range such as "^1.2.3".',
    distTag: 'Dependencies (II): "{{name}}": "{{spec}}" follows a moving dist-tag; declare a semver range such as "^1.2.3".',
    branch: 'Dependencies (II): "{{name}}" follows {{what}} of {{source}}, which changes whenever someone pushes; pin it to a tag or commit (`#v1.2.3`).',
    url: 'Dependencies (II): "{{name}}" is installed from {{source}} with no version in it, so each install gets whatever that URL serves; depend on a published version or a versioned tarball URL.',
    rangePython:
      'Dependencies (II): "{{requirement}}" installs whatever release is newest on the day pip runs; pin it with == ({{name}}==1.2.3), or compile the file with pip-compile or `uv pip compile`.',
    branchPython: 'Dependencies (II): "{{name}}" follows {{what}} of {{source}}, which changes whenever someone pushes; pin it to a tag or commit ({{pin}}).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/no-unpinned-version',
  meta,
  detectors: [packageJson, requirements, pyproject, pipfile],
});
