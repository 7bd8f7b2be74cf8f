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

export function mergeBase(root: string, ref: string): string {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`--base ${ref}: no such commit or branch in ${root}`);
  }
  return git(root, ['merge-base', ref, 'HEAD']).toString().trim();
}

/** What the work tree (committed or not) changes against `base`: per path, the added lines. */
export function changedFiles(root: string, base: string): Map<string, LineRanges | 'all'> {
  const changes = new Map<string, LineRanges | 'all'>();
  const diff = git(root, ['diff', '--no-ext-diff', '--no-textconv', '--find-renames', '--unified=0', base, '--']).toString();
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
  for (const untracked of splitNul(git(root, ['ls-files', '--others', '--exclude-standard', '-z']).toString())) {
    changes.set(untracked, 'all');
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
  #contents: Map<string, string> | undefined;

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
    this.#contents ??= this.load();
    return this.#contents.get(filePath);
  }

  /** Git answers for every object of a commit or fails as a whole: nothing is partly unreadable. */
  unreadable(): readonly UnreadFile[] {
    return [];
  }

  private load(): Map<string, string> {
    const wanted = this.#paths.filter(this.#wanted);
    const contents = new Map<string, string>();
    if (wanted.length === 0) return contents;
    const output = git(this.#root, ['cat-file', '--batch'], wanted.map((p) => `${this.#revision}:${p}`).join('\n') + '\n');
    let offset = 0;
    for (const filePath of wanted) {
      const headerEnd = output.indexOf(10, offset);
      const header = output.subarray(offset, headerEnd).toString();
      offset = headerEnd + 1;
      const [, type, size] = header.split(' ');
      if (type === undefined || size === undefined) continue;
      const length = Number(size);
      if (type === 'blob') contents.set(filePath, output.subarray(offset, offset + length).toString('utf8'));
      offset += length + 1;
    }
    return contents;
  }
}

function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}
