import type { CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isTomlTable, siteOf, type ManifestDependency, type TomlDocument, type TomlTable } from '../../../src/languages/python/pyproject-file.ts';
import type { RequirementSource } from '../../../src/languages/python/requirements-file.ts';
import { BRANCH_REFS } from './branch-refs.ts';

/** A source that follows a branch: which branch, and of what. */
export interface MovingSource {
  what: string;
  source: string;
}

/** `/archive/main.zip`, `/archive/refs/heads/master.tar.gz` (GitHub), `/-/archive/main/x.tar.gz` (GitLab). */
const BRANCH_ARCHIVE = /\/(?:-\/)?archive\/(?:refs\/heads\/)?([^/]+?)(?:\.(?:zip|tar\.gz|tgz)$|\/)/;

/** True when a version specifier pins one release: `==1.2.3` or `===1.2.3`, not `==1.*`, `>=1`, `~=1.2` or nothing. */
export function pinsOneRelease(specifier: string): boolean {
  return specifier.split(',').some((clause) => /^\s*(?:===\s*\S|==\s*[^*\s]+\s*$)/.test(clause));
}

/**
 * A VCS requirement with no ref (the default branch) or a branch ref (`@main`), or an archive
 * URL of a branch. Tags and commits pin; other names may be tags and are given the benefit of
 * the doubt.
 */
export function movingSource(source: RequirementSource): MovingSource | undefined {
  if (source.kind === 'vcs') {
    const repository = source.url.replace(/^[a-z]+\+/i, '');
    if (source.ref === undefined) return { what: 'the default branch', source: repository };
    if (BRANCH_REFS.has(source.ref)) return { what: `the "${source.ref}" branch`, source: repository.slice(0, -(source.ref.length + 1)) };
    return undefined;
  }
  return source.kind === 'url' ? branchArchive(source.url) : undefined;
}

/**
 * Table sources (Poetry and uv `{ git = …, branch|rev|tag = … }`, Pipenv `{ git = …, ref = … }`,
 * Poetry `{ url = … }`): `branch =` always follows a branch; no ref follows the default one.
 */
function movingTableSource(spec: TomlTable): MovingSource | undefined {
  if (typeof spec.git === 'string') {
    const source = spec.git.replace(/^[a-z]+\+/i, '');
    if (typeof spec.branch === 'string') return { what: `the "${spec.branch}" branch`, source };
    const ref = [spec.rev, spec.tag, spec.ref].find((value): value is string => typeof value === 'string');
    if (ref === undefined) return { what: 'the default branch', source };
    return BRANCH_REFS.has(ref) ? { what: `the "${ref}" branch`, source } : undefined;
  }
  return typeof spec.url === 'string' ? branchArchive(spec.url) : undefined;
}

function branchArchive(url: string): MovingSource | undefined {
  const branch = BRANCH_ARCHIVE.exec(url)?.[1];
  return branch !== undefined && BRANCH_REFS.has(branch) ? { what: `the "${branch}" branch`, source: url } : undefined;
}

/**
 * Reports the dependencies of a pyproject.toml or Pipfile that follow a branch. Version ranges
 * are not reported there: the lock pins them, and a missing lock is lockfile-required's business.
 * `pin` shows how that manifest pins a tag.
 */
export function reportMovingSources(
  context: CheckContext<MessageId>,
  document: TomlDocument,
  dependencies: readonly ManifestDependency[],
  pin: string,
): void {
  for (const dependency of dependencies) {
    const { requirement, spec } = dependency;
    const moving = requirement ? movingSource(requirement.source) : isTomlTable(spec) ? movingTableSource(spec) : undefined;
    if (!moving) continue;
    const node =
      dependency.node.type === 'TOMLTable'
        ? (document.nodeAt([...dependency.path, 'branch']) ?? document.nodeAt([...dependency.path, 'git']) ?? dependency.node)
        : dependency.node;
    context.report({
      range: siteOf(node),
      messageId: 'branchPython',
      data: { name: dependency.name, ...moving, pin: requirement ? '`@v1.2.3`' : pin },
      ...(dependency.development ? { severity: 'notice' as const } : {}),
    });
  }
}
