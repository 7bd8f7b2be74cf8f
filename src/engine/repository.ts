import path from 'node:path/posix';

/**
 * A read-only view of a whole repository at one revision. Repository-level rules use it to see
 * beyond the changed files (a SIGTERM handler elsewhere, the nearest package.json). Paths are
 * repository-relative with forward slashes. `read` answers undefined for a file that does not
 * exist or whose content the source did not fetch.
 */
export interface RepositoryView {
  /** Every file path of the revision, sorted. */
  paths(): readonly string[];
  has(filePath: string): boolean;
  read(filePath: string): string | undefined;
}

/** A repository held in memory: tests, the demo, and PR changesets fetched from GitHub. */
export class MemoryRepository implements RepositoryView {
  readonly #files: Map<string, string | undefined>;
  readonly #sorted: readonly string[];

  /** `undefined` content marks a path that exists but was not fetched. */
  constructor(files: Record<string, string | undefined> | Map<string, string | undefined>) {
    this.#files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
    this.#sorted = [...this.#files.keys()].sort();
  }

  paths(): readonly string[] {
    return this.#sorted;
  }

  has(filePath: string): boolean {
    return this.#files.has(filePath);
  }

  read(filePath: string): string | undefined {
    return this.#files.get(filePath);
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
