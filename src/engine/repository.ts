import path from 'node:path/posix';
import type { UnreadFile } from './finding.ts';

/**
 * A read-only view of a whole repository at one revision. Repository-level rules use it to see
 * beyond the changed files (a SIGTERM handler elsewhere, the nearest package.json). Paths are
 * repository-relative with forward slashes. `read` answers undefined for a file that does not
 * exist or whose content the source did not fetch, and throws UnreadableFileError for a file the
 * source tried and failed to read: "unreadable" is not "absent", and a rule must not guess.
 */
export interface RepositoryView {
  /** Every file path of the revision, sorted. */
  paths(): readonly string[];
  has(filePath: string): boolean;
  read(filePath: string): string | undefined;
  /** The files `read` refuses with UnreadableFileError, as far as known so far. */
  unreadable(): readonly UnreadFile[];
}

/**
 * Thrown by `RepositoryView.read` for a file that exists but could not be read. The engine
 * withholds the findings of the rule that needed it (they would be guesses) and names the file.
 */
export class UnreadableFileError extends Error {
  readonly file: UnreadFile;

  constructor(file: UnreadFile) {
    super(`${file.path} could not be read (${file.reason})`);
    this.name = 'UnreadableFileError';
    this.file = file;
  }
}

/** A repository held in memory: tests, the demo, and PR changesets fetched from GitHub. */
export class MemoryRepository implements RepositoryView {
  readonly #files: Map<string, string | undefined>;
  readonly #sorted: readonly string[];
  readonly #unreadable: ReadonlyMap<string, UnreadFile>;

  /**
   * `undefined` content marks a path that exists but was not fetched; `unreadable` lists paths
   * whose fetch failed.
   */
  constructor(files: Record<string, string | undefined> | Map<string, string | undefined>, unreadable: readonly UnreadFile[] = []) {
    this.#files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
    for (const file of unreadable) if (!this.#files.has(file.path)) this.#files.set(file.path, undefined);
    this.#sorted = [...this.#files.keys()].sort();
    this.#unreadable = new Map(unreadable.map((file) => [file.path, file]));
  }

  paths(): readonly string[] {
    return this.#sorted;
  }

  has(filePath: string): boolean {
    return this.#files.has(filePath);
  }

  read(filePath: string): string | undefined {
    const unreadable = this.#unreadable.get(filePath);
    if (unreadable) throw new UnreadableFileError(unreadable);
    return this.#files.get(filePath);
  }

  unreadable(): readonly UnreadFile[] {
    return [...this.#unreadable.values()];
  }
}

/**
 * The nearest file named `name` in `fromDir` or a directory above it, as a repository path.
 * `fromDir` is '' or '.' for the root.
 */
export function findUp(repo: RepositoryView, fromDir: string, name: string): string | undefined {
  let dir = fromDir === '.' ? '' : fromDir;
  for (;;) {
    const candidate = dir ? `${dir}/${name}` : name;
    if (repo.has(candidate)) return candidate;
    if (!dir) return undefined;
    const parent = path.dirname(dir);
    dir = parent === '.' ? '' : parent;
  }
}

/** The directory of a repository path, '' for the root. */
export function directoryOf(filePath: string): string {
  const dir = path.dirname(filePath);
  return dir === '.' ? '' : dir;
}

/** A repository file's text; undefined when absent or unreadable (whoever needed it names it). */
export function readUnlessUnreadable(repo: RepositoryView, filePath: string): string | undefined {
  try {
    return repo.read(filePath);
  } catch (error) {
    if (error instanceof UnreadableFileError) return undefined;
    throw error;
  }
}
