import { defineCheck, type CheckMeta } from '../../define-check.ts';
import packageJson from './package-json.ts';

const meta = {
  factor: 2,
  severity: 'warning',
  title: 'Dependency without a version constraint',
  description:
    'Dependencies must be declared explicitly and exactly enough that every build gets the same code. `*`, `latest`, a dist-tag or a git branch accepts whatever is published or pushed next, including breaking majors, so a fresh install (a new lockfile, a lockfile update, a tool that ignores it) can change the app without a code change. Semver ranges are fine: the lockfile pins them.',
  fix: 'Declare a semver range (`^4.19.2`), or pin a git dependency to a tag or commit (`#v1.4.0`, `#3f2a9c1`).',
  messages: {
    anyVersion: 'Dependencies (II): "{{name}}": "{{spec}}" accepts any version, including the next breaking major; declare a semver range such as "^1.2.3".',
    distTag: 'Dependencies (II): "{{name}}": "{{spec}}" follows a moving dist-tag; declare a semver range such as "^1.2.3".',
    branch: 'Dependencies (II): "{{name}}" follows {{what}} of {{source}}, which changes whenever someone pushes; pin it to a tag or commit (`#v1.2.3`).',
    url: 'Dependencies (II): "{{name}}" is installed from {{source}} with no version in it, so each install gets whatever that URL serves; depend on a published version or a versioned tarball URL.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/no-unpinned-version',
  meta,
  detectors: [packageJson],
});
