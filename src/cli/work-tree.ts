import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { MAX_FILE_BYTES } from '../engine/file-kind.ts';
import type { UnreadFile } from '../engine/finding.ts';
import { UnreadableFileError, type RepositoryView } from '../engine/repository.ts';
import { gitRoot, listWorkTreeFiles } from './git.ts';

/** Never descended into: version-control data and installed dependencies. */
const NEVER_WALKED = ['**/.git/**', '**/node_modules/**'];

/**
 * The files of a directory on disk. In a git work tree: tracked and untracked files that
 * .gitignore does not exclude (what a push would share); elsewhere every file below `root`.
 */
export class WorkTree implements RepositoryView {
  readonly root: string;
  readonly #paths: readonly string[];
  readonly #known: ReadonlySet<string>;
  readonly #unreadable = new Map<string, UnreadFile>();

  constructor(root: string) {
    this.root = root;
    const isRepositoryRoot = gitRoot(root) === path.resolve(root);
    const listed = isRepositoryRoot
      ? listWorkTreeFiles(root).filter((filePath) => !filePath.split('/').includes('node_modules'))
      : globSync('**/*', { cwd: root, dot: true, ignore: NEVER_WALKED, onlyFiles: true });
    this.#paths = listed.filter((filePath) => isFile(path.join(root, filePath))).sort();
    this.#known = new Set(this.#paths);
  }

  paths(): readonly string[] {
    return this.#paths;
  }

  has(filePath: string): boolean {
    return this.#known.has(filePath);
  }

  /** Text of a file up to the engine's size limit; undefined for larger ones; throws for unreadable ones. */
  read(filePath: string): string | undefined {
    const bytes = this.bytes(filePath);
    const unreadable = this.#unreadable.get(filePath);
    if (unreadable) throw new UnreadableFileError(unreadable);
    return bytes && bytes.byteLength <= MAX_FILE_BYTES ? bytes.toString('utf8') : undefined;
  }

  /** Listed files that could not be read so far: permission denied, or gone since the listing. */
  unreadable(): readonly UnreadFile[] {
    return [...this.#unreadable.values()];
  }

  /**
   * Raw bytes, for the engine's binary and size checks: at most one byte over the size limit,
   * so that a huge file is known to be too large without being read whole. Undefined for a file
   * not listed, or one that could not be read (then in `unreadable()`).
   */
  bytes(filePath: string): Buffer | undefined {
    if (!this.#known.has(filePath)) return undefined;
    let descriptor: number | undefined;
    try {
      descriptor = openSync(path.join(this.root, filePath), 'r');
      const buffer = Buffer.alloc(Math.min(fstatSync(descriptor).size, MAX_FILE_BYTES + 1));
      const length = readSync(descriptor, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, length);
    } catch (error) {
      this.#unreadable.set(filePath, unreadFile(filePath, error));
      return undefined;
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  }
}

function unreadFile(filePath: string, error: unknown): UnreadFile {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { path: filePath, reason: 'permission-denied' };
  if (code === 'ENOENT') return { path: filePath, reason: 'vanished' };
  return { path: filePath, reason: 'unreadable', ...(code !== undefined && { detail: code }) };
}

/** Deleted-but-still-tracked files and links to directories are not files to review. */
function isFile(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isFile();
  } catch {
    return false;
  }
}
