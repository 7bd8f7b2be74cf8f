import { defineCheck } from '../define-check.ts';
import { dependencyEntries } from '../support/package-dependencies.ts';

/** Specifiers that accept any version at all: `*`, `x`, `x.x`, `''`, `latest`. */
const ANY_VERSION = /^(?:[*xX](?:\.[*xX]){0,2}|latest|)$/;
/** Refs that name a moving branch rather than a tag or a commit. */
const BRANCH_REFS = new Set(['main', 'master', 'develop', 'development', 'dev', 'trunk', 'head', 'HEAD', 'next', 'staging', 'canary', 'nightly']);
/** Protocols that do not resolve through a registry version or a URL: not this rule's business. */
const OTHER_PROTOCOLS = /^(?:workspace|file|link|portal|patch|catalog|exec|jsr):/;
const GIT_URL = /^(?:git(?:\+(?:ssh|https?|file))?:\/\/|git@|(?:github|gitlab|bitbucket|gist):)/;
const GITHUB_SHORTHAND = /^[\w.-]+\/[\w.-]+(?:#.*)?$/;
const HTTP_URL = /^https?:\/\//;
const GIT_HOST = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/#]+\/?(?:#|$)/;
const TARBALL = /\.(?:tgz|tar\.gz|tar|zip)(?:[?#].*)?$/;
const COMMIT = /^[0-9a-f]{7,40}$/i;
/** Dist-tags: a bare word npm resolves through the registry's tag table (`next`, `beta`). */
const DIST_TAG = /^[a-z][a-z0-9._-]*$/i;

export default defineCheck({
  id: 'dependencies/no-unpinned-version',
  meta: {
    factor: 2,
    severity: 'warning',
    title: 'Dependency without a version constraint',
    description:
      'Dependencies must be declared explicitly and exactly enough that every build gets the same code. `*`, `latest`, a dist-tag or a git branch accepts whatever is published or pushed next, including breaking majors, so a fresh install (a new lockfile, a lockfile update, a tool that ignores it) can change the app without a code change. Semver ranges are fine: the lockfile pins them.',
    fix: 'Declare a semver range (`^4.19.2`), or pin a git dependency to a tag or commit (`#v1.4.0`, `#3f2a9c1`).',
    kinds: ['package-json'],
    needs: 'yaml',
    messages: {
      anyVersion: 'Dependencies (II): "{{name}}": "{{spec}}" accepts any version, including the next breaking major; declare a semver range such as "^1.2.3".',
      distTag: 'Dependencies (II): "{{name}}": "{{spec}}" follows a moving dist-tag; declare a semver range such as "^1.2.3".',
      branch: 'Dependencies (II): "{{name}}" follows {{what}} of {{source}}, which changes whenever someone pushes; pin it to a tag or commit (`#v1.2.3`).',
      url: 'Dependencies (II): "{{name}}" is installed from {{source}} with no version in it, so each install gets whatever that URL serves; depend on a published version or a versioned tarball URL.',
    },
  },
  detect(context) {
    for (const entry of dependencyEntries(context, ['dependencies', 'devDependencies', 'optionalDependencies'])) {
      if (entry.spec === undefined) continue;
      const problem = unpinned(entry.spec);
      if (!problem) continue;
      context.report({ range: entry.range, messageId: problem.messageId, data: { name: entry.name, spec: entry.spec, ...problem.data } });
    }
  },
});

type Problem = { messageId: 'anyVersion' | 'distTag' | 'branch' | 'url'; data?: Record<string, string> };

/** Why a specifier is unpinned, or undefined when it is pinned (or not ours to judge). */
function unpinned(raw: string): Problem | undefined {
  const spec = raw.trim();
  if (spec.startsWith('npm:')) {
    const at = spec.indexOf('@', 5);
    return unpinned(at === -1 ? '' : spec.slice(at + 1));
  }
  if (ANY_VERSION.test(spec)) return { messageId: 'anyVersion' };
  if (OTHER_PROTOCOLS.test(spec)) return undefined;
  if (GIT_URL.test(spec) || (!spec.includes(':') && GITHUB_SHORTHAND.test(spec))) return gitRef(spec);
  if (HTTP_URL.test(spec)) {
    if (GIT_HOST.test(spec) || /\.git(?:#|$)/.test(spec)) return gitRef(spec);
    const versioned = TARBALL.test(spec) || spec.includes('#') || /\d+\.\d+/.test(spec);
    return versioned ? undefined : { messageId: 'url', data: { source: spec } };
  }
  if (DIST_TAG.test(spec) && !/^v?\d/.test(spec)) return { messageId: 'distTag' };
  return undefined;
}

/** A git (or git-hosted https) dependency is pinned by a tag, a commit or a `semver:` range. */
function gitRef(spec: string): Problem | undefined {
  const hash = spec.indexOf('#');
  const source = (hash === -1 ? spec : spec.slice(0, hash)).replace(/^git\+/, '');
  if (hash === -1) return { messageId: 'branch', data: { what: 'the default branch', source } };
  const ref = spec.slice(hash + 1);
  if (ref.startsWith('semver:') || COMMIT.test(ref)) return undefined;
  if (BRANCH_REFS.has(ref)) return { messageId: 'branch', data: { what: `the "${ref}" branch`, source } };
  return undefined;
}
