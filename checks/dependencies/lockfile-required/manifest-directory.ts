import { directoryOf } from '../../../src/engine/repository.ts';

/** The directory above `dir` ('' is the root); undefined above the root. */
export function parentOf(dir: string): string | undefined {
  return dir === '' ? undefined : directoryOf(dir);
}

/** Where the message says no lockfile was found, for a manifest in `dir` (and, with workspaces, above it). */
export function missingWhere(dir: string, workspaces = true): string {
  if (dir === '') return 'none at the repository root';
  return workspaces ? `none in ${dir}/ or a workspace root above it` : `none in ${dir}/`;
}
