import type { CheckContext } from '../define-check.ts';
import { defaultSkipReason, fileKindOf } from '../../src/engine/file-kind.ts';
import { pipfileDependencies, pyprojectDependencies, repositoryTomlDocument } from '../../src/languages/python/pyproject-file.ts';
import { normalizePackageName, repositoryRequirementsFile, requirementsFilePaths } from '../../src/languages/python/requirements-file.ts';
import { readPackageManifest } from './package-scripts.ts';

/** The packages the repository declares, per ecosystem, whatever language its code is in. */
export interface DeclaredPackages {
  /** npm packages of every package.json (runtime and development dependencies). */
  readonly npm: ReadonlySet<string>;
  /** Python distributions, by normalised name. */
  readonly python: ReadonlySet<string>;
}

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * Distributions that install a command under another name (`awscli` installs `aws`); other
 * packages install their own name.
 */
const PYTHON_DISTRIBUTIONS_OF_COMMANDS: Readonly<Record<string, string>> = {
  aws: 'awscli',
  az: 'azure-cli',
  ansible: 'ansible-core',
};

/** Every package the repository declares, in any manifest of any language, once per run. */
export function declaredPackages(context: CheckContext): DeclaredPackages {
  return context.perRun('declared-packages', () => ({ npm: declaredNpmPackages(context), python: declaredPythonPackages(context) }));
}

/**
 * True when a package the repository declares — in package.json, requirements, pyproject or
 * Pipfile, whichever language runs the command — installs the command `tool`.
 */
export function isProvidedByDeclaredPackage(context: CheckContext, tool: string): boolean {
  const { npm, python } = declaredPackages(context);
  const distribution = PYTHON_DISTRIBUTIONS_OF_COMMANDS[tool];
  return npm.has(tool) || python.has(normalizePackageName(tool)) || (distribution !== undefined && python.has(distribution));
}

function declaredNpmPackages(context: CheckContext): ReadonlySet<string> {
  const names = new Set<string>();
  for (const filePath of context.repo.paths()) {
    if (fileKindOf(filePath) !== 'package-json' || defaultSkipReason(filePath) !== undefined) continue;
    const json = readPackageManifest(context, filePath)?.json as Record<string, unknown> | undefined;
    for (const section of NPM_SECTIONS) {
      const dependencies = json?.[section];
      if (dependencies && typeof dependencies === 'object') for (const name of Object.keys(dependencies)) names.add(name);
    }
  }
  return names;
}

/**
 * The Python distributions the repository declares anywhere — requirements files, pyproject.toml
 * (PEP 621, dependency groups, Poetry, PDM), Pipfile — by normalised name (`Flask_SQLAlchemy` →
 * `flask-sqlalchemy`).
 */
function declaredPythonPackages(context: CheckContext): ReadonlySet<string> {
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
}
