import path from 'node:path/posix';
import type { RepositoryView } from '../../engine/repository.ts';

/**
 * The repository file of a module an import in `fromPath` names: `app.store` → `app/store.py` or
 * `app/store/__init__.py`, looked up from the importing file's directory upwards (so a source
 * root such as `src/` is found without configuration); `.store`, `..app.store` relative to the
 * importing file's package. Undefined for the standard library, packages and unknown names.
 */
export function moduleFile(repo: RepositoryView, fromPath: string, name: string): string | undefined {
  const level = /^\.*/.exec(name)![0].length;
  const parts = name.slice(level).split('.').filter((part) => part !== '');
  const directory = normalise(path.dirname(fromPath));
  const roots = level > 0 ? [ancestor(directory, level - 1)] : ancestors(directory);
  for (const root of roots) {
    if (root === undefined) continue;
    const base = [root, ...parts].filter((part) => part !== '').join('/');
    const candidates = parts.length === 0 ? [`${base ? `${base}/` : ''}__init__.py`] : [`${base}.py`, `${base}/__init__.py`];
    const found = candidates.find((candidate) => repo.has(candidate));
    if (found) return found;
  }
  return undefined;
}

function normalise(directory: string): string {
  return directory === '.' ? '' : directory;
}

/** `directory` and each directory above it, up to the repository root (`''`). */
function ancestors(directory: string): string[] {
  const found = [directory];
  for (let current = directory; current !== ''; ) {
    current = normalise(path.dirname(current));
    found.push(current);
  }
  return found;
}

/** The directory `levels` above `directory`; undefined above the repository root. */
function ancestor(directory: string, levels: number): string | undefined {
  let current = directory;
  for (let level = 0; level < levels; level++) {
    if (current === '') return undefined;
    current = normalise(path.dirname(current));
  }
  return current;
}
