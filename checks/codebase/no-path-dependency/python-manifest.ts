import type { CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { isTomlTable, siteOf, type ManifestDependency, type TomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { localPathOf } from '../../../src/languages/python/requirements-file.ts';
import { escapesRepository } from './outside-repository.ts';

/**
 * Reports the dependencies of a pyproject.toml or Pipfile installed from a path outside the
 * repository: PEP 508 `pkg @ file:///opt/x`, and tables' `path = "../x"` (Poetry, uv sources,
 * Pipenv). `{ workspace = true }` and paths inside the repository are fine.
 */
export function reportOutsidePaths(context: CheckContext<MessageId>, document: TomlDocument, dependencies: readonly ManifestDependency[]): void {
  const dir = directoryOf(context.path);
  for (const dependency of dependencies) {
    const { requirement, spec } = dependency;
    if (requirement) {
      const target = localPathOf(requirement.source);
      if (target === undefined || !escapesRepository(dir, target)) continue;
      context.report({ range: siteOf(dependency.node), messageId: 'outside', data: { name: dependency.name, spec: stringOf(dependency) } });
      continue;
    }
    const target = isTomlTable(spec) && typeof spec.path === 'string' ? spec.path : undefined;
    if (target === undefined || /[$%{]/.test(target) || !escapesRepository(dir, target)) continue;
    // A `[tool.poetry.dependencies.x]` sub-table: the finding sits on its `path =` line.
    const node = dependency.node.type === 'TOMLTable' ? (document.nodeAt([...dependency.path, 'path']) ?? dependency.node) : dependency.node;
    context.report({ range: siteOf(node), messageId: 'outside', data: { name: dependency.name, spec: `path = "${target}"` } });
  }
}

/** The PEP 508 string as written. */
function stringOf(dependency: ManifestDependency): string {
  const node = dependency.node;
  return node.type === 'TOMLValue' && node.kind === 'string' ? node.value : dependency.name;
}
