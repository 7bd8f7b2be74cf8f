import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { siteOf, tomlDocument, valueAt, isTomlTable, type TomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { missingWhere } from './manifest-directory.ts';
import { pyprojectLocked } from './python-locks.ts';

export default defineDetector<MessageId>({
  kinds: ['pyproject'],
  needs: 'toml',
  detect(context) {
    const site = runtimeDependencies(tomlDocument(context));
    if (!site) return;
    const dir = directoryOf(context.path);
    if (pyprojectLocked(context, dir)) return;
    context.report({ range: site.range, messageId: 'missing', data: { file: context.path, where: missingWhere(dir), lockfiles: site.lockfiles } });
  },
});

/**
 * Where a pyproject.toml declares runtime dependencies: `[project]`'s `dependencies =` key, else
 * the `[tool.poetry.dependencies]` header when it lists more than `python`. Optional extras and
 * dependency groups alone are not runtime dependencies; `dynamic` ones live in another file.
 */
function runtimeDependencies(document: TomlDocument): { range: readonly [number, number]; lockfiles: string } | undefined {
  const project = valueAt(document.value, ['project', 'dependencies']);
  const projectNode = document.nodeAt(['project', 'dependencies']);
  if (Array.isArray(project) && project.length > 0 && projectNode?.type === 'TOMLKeyValue') {
    return { range: projectNode.key.range, lockfiles: 'uv.lock, pdm.lock or poetry.lock, or requirements compiled by pip-compile' };
  }
  const poetry = valueAt(document.value, ['tool', 'poetry', 'dependencies']);
  const poetryNode = document.nodeAt(['tool', 'poetry', 'dependencies']);
  if (isTomlTable(poetry) && Object.keys(poetry).some((name) => name !== 'python') && poetryNode) {
    return { range: poetryNode.type === 'TOMLKeyValue' ? poetryNode.key.range : siteOf(poetryNode), lockfiles: 'poetry.lock' };
  }
  return undefined;
}
