import path from 'node:path/posix';
import type { RepositoryView } from '../../engine/repository.ts';

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript ESM imports name the emitted file (`./store.js`) while the repository holds the source. */
const EMITTED_SOURCE: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/**
 * The repository script a relative specifier (`./store`, `../lib/store.js`) of `fromPath` names,
 * or undefined for a bare package name, an alias or a file the repository does not hold.
 */
export function resolveRelativeScript(repo: RepositoryView, fromPath: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  return moduleFileCandidates(path.join(path.dirname(fromPath), specifier)).find((candidate) => repo.has(candidate));
}

/** The files a module path without or with an extension may name, most likely first. */
function moduleFileCandidates(target: string): string[] {
  const extension = path.extname(target);
  if (SCRIPT_EXTENSIONS.includes(extension)) {
    const stem = target.slice(0, -extension.length);
    return [target, ...(EMITTED_SOURCE[extension] ?? []).map((source) => stem + source)];
  }
  return [...SCRIPT_EXTENSIONS.map((candidate) => target + candidate), ...SCRIPT_EXTENSIONS.map((candidate) => `${target}/index${candidate}`)];
}
