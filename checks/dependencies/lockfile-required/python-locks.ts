import path from 'node:path/posix';
import picomatch from 'picomatch';
import type { CheckContext } from '../../define-check.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { parentOf } from './manifest-directory.ts';
import { repositoryTomlDocument, valueAt } from '../../../src/languages/python/pyproject-file.ts';
import { repositoryRequirementsFile, requirementsFilePaths } from '../../../src/languages/python/requirements-file.ts';

/** Locks of a pyproject.toml (RULES-python.md, "II. Dependencies"): Poetry, uv, PDM, PEP 751, pixi, conda-lock, `requirements*.lock`. */
const PYPROJECT_LOCK = /^(?:poetry\.lock|uv\.lock|pdm\.lock|pixi\.lock|conda-lock\.ya?ml|pylock(?:\.[^/]+)?\.toml|requirements[^/]*\.lock)$/;
/** Locks that pin a uv workspace's members from its root. */
const WORKSPACE_LOCK = 'uv.lock';

/**
 * True when a lock covers the pyproject.toml in `dir`: one of its locks beside it, a compiled
 * requirements file beside it (or in its `requirements/` folder), or the uv.lock of a workspace
 * root above it whose `[tool.uv.workspace]` members include it. A lock covers only its own
 * manifest: a root poetry.lock says nothing about `services/api/pyproject.toml`.
 */
export function pyprojectLocked(context: CheckContext, dir: string): boolean {
  if (filesIn(context, dir).some((name) => PYPROJECT_LOCK.test(name)) || hasCompiledRequirements(context, dir)) return true;
  for (let root = parentOf(dir); root !== undefined; root = parentOf(root)) {
    if (!filesIn(context, root).includes(WORKSPACE_LOCK)) continue;
    const membership = workspaceMembership(context, root, dir);
    if (membership !== 'outside') return true;
  }
  return false;
}

/** True when Pipfile.lock sits beside the Pipfile in `dir`. */
export function pipfileLocked(context: CheckContext, dir: string): boolean {
  return filesIn(context, dir).includes('Pipfile.lock');
}

/**
 * A requirements file written by pip-compile or uv (or hashed throughout) beside the manifest
 * pins its dependencies. One whose content was not fetched may be one: given the benefit of the doubt.
 */
function hasCompiledRequirements(context: CheckContext, dir: string): boolean {
  const folders = new Set([dir, dir ? `${dir}/requirements` : 'requirements']);
  return requirementsFilePaths(context).some((filePath) => {
    if (!folders.has(directoryOf(filePath))) return false;
    const parsed = repositoryRequirementsFile(context, filePath);
    return parsed === undefined || parsed.compiled;
  });
}

/** Whether the uv workspace rooted at `root` includes `dir`; `unknown` when its pyproject.toml could not be read. */
function workspaceMembership(context: CheckContext, root: string, dir: string): 'member' | 'outside' | 'unknown' {
  const manifest = root ? `${root}/pyproject.toml` : 'pyproject.toml';
  if (!context.repo.has(manifest)) return 'outside';
  const document = repositoryTomlDocument(context, manifest);
  if (!document) return 'unknown';
  const patterns = (key: string) => {
    const list = valueAt(document.value, ['tool', 'uv', 'workspace', key]);
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^\.\//, '').replace(/\/+$/, '')) : [];
  };
  const members = patterns('members');
  if (members.length === 0) return 'outside';
  const relative = path.relative(root || '.', dir);
  const excluded = patterns('exclude');
  const matches = picomatch(members, { dot: true })(relative) && !(excluded.length > 0 && picomatch(excluded, { dot: true })(relative));
  return matches ? 'member' : 'outside';
}

/** Base names of the repository's files by directory, once per run. */
function filesIn(context: CheckContext, dir: string): readonly string[] {
  const index = context.perRun('python:files-by-directory', () => {
    const byDirectory = new Map<string, string[]>();
    for (const filePath of context.repo.paths()) {
      const key = directoryOf(filePath);
      const names = byDirectory.get(key);
      if (names) names.push(path.basename(filePath));
      else byDirectory.set(key, [path.basename(filePath)]);
    }
    return byDirectory;
  });
  return index.get(dir) ?? [];
}
