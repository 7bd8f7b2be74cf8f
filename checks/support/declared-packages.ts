import type { CheckContext } from '../define-check.ts';
import { defaultSkipReason, fileKindOf } from '../../src/engine/file-kind.ts';
import { pipfileDependencies, pyprojectDependencies, repositoryTomlDocument } from '../../src/languages/python/pyproject-file.ts';
import { normalizePackageName, repositoryRequirementsFile, requirementsFilePaths } from '../../src/languages/python/requirements-file.ts';

/**
 * The Python distributions the repository declares anywhere — requirements files, pyproject.toml
 * (PEP 621, dependency groups, Poetry, PDM), Pipfile — by normalised name (`Flask_SQLAlchemy` →
 * `flask-sqlalchemy`), once per run.
 */
export function declaredPythonPackages(context: CheckContext): ReadonlySet<string> {
  return context.perRun('declared-python-packages', () => {
    const names = new Set<string>();
    for (const filePath of requirementsFilePaths(context)) {
      for (const entry of repositoryRequirementsFile(context, filePath)?.entries ?? []) {
        if (entry.name !== undefined) names.add(normalizePackageName(entry.name));
      }
    }
    for (const filePath of context.repo.paths()) {
      const kind = fileKindOf(filePath);
      if ((kind !== 'pyproject' && kind !== 'pipfile') || defaultSkipReason(filePath) !== undefined) continue;
      const document = repositoryTomlDocument(context, filePath);
      if (!document) continue;
      const dependencies = kind === 'pyproject' ? pyprojectDependencies(document) : pipfileDependencies(document);
      for (const dependency of dependencies) names.add(normalizePackageName(dependency.name));
    }
    return names;
  });
}
