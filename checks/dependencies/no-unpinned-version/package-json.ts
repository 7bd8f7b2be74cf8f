import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { dependencyEntries } from '../../support/package-dependencies.ts';
import { BRANCH_REFS } from './branch-refs.ts';

/** Specifiers that accept any version at all: `*`, `x`, `x.x`, `''`, `latest`. */
const ANY_VERSION = /^(?:[*xX](?:\.[*xX]){0,2}|latest|)$/;
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

export default defineDetector<MessageId>({
  kinds: ['package-json'],
  needs: 'yaml',
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
