import { execFileSync } from 'node:child_process';
import parseDiff from 'parse-diff';
import { toLineRanges, type LineRanges } from '../engine/changeset.ts';
import type { UnreadFile } from '../engine/finding.ts';
import type { RepositoryView } from '../engine/repository.ts';

/**
 * Settings that keep git from running programs configured by the reviewed repository
 * (fsmonitor hooks, external diff drivers, textconv filters): it is read, never executed.
 */
const SAFE_GIT = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external='];

/** git output can be large: a whole tree listing or a batch of blobs. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', [...SAFE_GIT, ...args], {
      cwd,
      input,
      maxBuffer: MAX_GIT_OUTPUT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    throw new GitError(stderr || `git ${args[0]} failed`);
  }
}

/** The repository's top-level directory, or undefined when `dir` is not in a git work tree. */
export function gitRoot(dir: string): string | undefined {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    return undefined;
  }
}

/** Tracked and untracked-but-not-ignored files of the work tree, relative to `root`. */
export function listWorkTreeFiles(root: string): string[] {
  return splitNul(git(root, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).toString());
}

export function mergeBase(root: string, ref: string, head = 'HEAD'): string {
  if (!hasCommit(root, ref)) throw new GitError(`--base ${ref}: no such commit or branch in ${root}`);
  return git(root, ['merge-base', ref, head]).toString().trim();
}

export function hasCommit(root: string, ref: string): boolean {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** True in a clone made with `--depth` (actions/checkout's default `fetch-depth: 1`). */
export function isShallow(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
}

/** The branch `origin/HEAD` points at (the remote's default branch), if the clone knows it. */
export function remoteDefaultBranch(root: string): string | undefined {
  try {
    return git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** What the work tree (committed or not) changes against `base`: per path, the added lines. */
export function changedFiles(root: string, base: string): Map<string, LineRanges | 'all'> {
  const changes = changedFilesBetween(root, base);
  for (const untracked of splitNul(git(root, ['ls-files', '--others', '--exclude-standard', '-z']).toString())) {
    changes.set(untracked, 'all');
  }
  return changes;
}

/**
 * What `head` changes against `base`, per path the added lines: a commit, the index
 * (`'staged'`), or the work tree (undefined; untracked files not included).
 */
export function changedFilesBetween(root: string, base: string, head?: string): Map<string, LineRanges | 'all'> {
  const changes = new Map<string, LineRanges | 'all'>();
  const target = head === 'staged' ? ['--cached', base] : [base, ...(head ? [head] : [])];
  const diff = git(root, ['diff', '--no-ext-diff', '--no-textconv', '--find-renames', '--unified=0', ...target, '--']).toString();
  for (const file of parseDiff(diff)) {
    if (file.deleted || !file.to || file.to === '/dev/null') continue;
    if (file.new) {
      changes.set(file.to, 'all');
      continue;
    }
    const added: number[] = [];
    for (const chunk of file.chunks) for (const change of chunk.changes) if (change.type === 'add') added.push(change.ln);
    changes.set(file.to, toLineRanges(added));
  }
  return changes;
}

/**
 * A revision of the repository read through git. Contents are loaded in one `git cat-file
 * --batch` call the first time any file is read, for every path `wanted` accepts.
 */
export class GitRevision implements RepositoryView {
  readonly #root: string;
  readonly #revision: string;
  readonly #paths: readonly string[];
  readonly #wanted: (filePath: string) => boolean;
  #contents: Map<string, Buffer> | undefined;

  constructor(root: string, revision: string, wanted: (filePath: string) => boolean) {
    this.#root = root;
    this.#revision = revision;
    this.#wanted = wanted;
    this.#paths = splitNul(git(root, ['ls-tree', '-r', '-z', '--name-only', revision]).toString()).sort();
  }

  paths(): readonly string[] {
    return this.#paths;
  }

  has(filePath: string): boolean {
    return this.#paths.includes(filePath);
  }

  read(filePath: string): string | undefined {
    return this.bytes(filePath)?.toString('utf8');
  }

  /** Raw bytes, for the engine's binary and size checks. */
  bytes(filePath: string): Buffer | undefined {
    this.#contents ??= this.load();
    return this.#contents.get(filePath);
  }

  /** Git answers for every object of a commit or fails as a whole: nothing is partly unreadable. */
  unreadable(): readonly UnreadFile[] {
    return [];
  }

  private load(): Map<string, Buffer> {
    return readBlobs(this.#root, this.#revision, this.#paths.filter(this.#wanted));
  }
}

/** Contents of `paths` at `revision` (the empty string: the index, i.e. what is staged), in one `git cat-file --batch`. */
export function readBlobs(root: string, revision: string, paths: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (paths.length === 0) return contents;
  const output = git(root, ['cat-file', '--batch'], paths.map((p) => `${revision}:${p}`).join('\n') + '\n');
  let offset = 0;
  for (const filePath of paths) {
    const headerEnd = output.indexOf(10, offset);
    const header = output.subarray(offset, headerEnd).toString();
    offset = headerEnd + 1;
    const [, type, size] = header.split(' ');
    if (type === undefined || size === undefined) continue;
    const length = Number(size);
    if (type === 'blob') contents.set(filePath, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return contents;
}

/** The commit HEAD names, or git's empty tree in a repository without commits yet. */
export function headOrEmptyTree(root: string): string {
  return hasCommit(root, 'HEAD') ? 'HEAD' : EMPTY_TREE;
}

/** The object id of the empty tree: what a first commit is compared against. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}
