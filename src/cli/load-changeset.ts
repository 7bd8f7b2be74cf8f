import path from 'node:path';
import type { ChangedFile, Changeset } from '../engine/changeset.ts';
import type { UnreadFile } from '../engine/finding.ts';
import { defaultSkipReason, fileKindOf } from '../engine/file-kind.ts';
import { changedFiles, changedFilesBetween, GitError, GitRevision, gitRoot, headOrEmptyTree, mergeBase, readBlobs } from './git.ts';
import { WorkTree } from './work-tree.ts';

/**
 * The changeset the CLI reviews: every file of the tree, or with `baseRef` only what the work
 * tree changes since merge-base(baseRef, HEAD), with the base revision for repository-level rules.
 */
export function loadChangeset(root: string, baseRef: string | undefined): Changeset {
  const workTree = new WorkTree(root);
  if (baseRef === undefined) {
    const files = workTree.paths().flatMap((filePath) => fileAt(workTree, filePath) ?? []);
    return { files, unread: unreadOf(workTree, workTree.paths()), repo: workTree };
  }
  if (gitRoot(root) !== path.resolve(root)) {
    throw new GitError(`--base needs PATH to be the top directory of a git repository (${root} is not)`);
  }
  const base = mergeBase(root, baseRef);
  const files: ChangedFile[] = [];
  const changed = changedFiles(root, base);
  for (const [filePath, added] of changed) {
    const file = fileAt(workTree, filePath);
    if (file) files.push({ ...file, added });
  }
  return { files, unread: unreadOf(workTree, [...changed.keys()]), repo: workTree, base: { repo: new GitRevision(root, base, isStructuredSource) } };
}

/** The files among `paths` the work tree failed to read. */
function unreadOf(workTree: WorkTree, paths: readonly string[]): UnreadFile[] {
  const wanted = new Set(paths);
  return workTree.unreadable().filter((file) => wanted.has(file.path));
}

/**
 * The changeset of a pull request as GitHub shows it, read from a local clone: what commit
 * `headSha` changes since merge-base(`baseSha`, `headSha`), read from the commits themselves
 * (not the work tree, which in a pull_request job is GitHub's merge commit), with the base
 * revision for repository-level rules. Both commits must be in the clone.
 */
export function loadCommitChangeset(root: string, baseSha: string, headSha: string): Changeset {
  const base = mergeBase(root, baseSha, headSha);
  const changed = changedFilesBetween(root, base, headSha);
  const head = new GitRevision(root, headSha, (filePath) => changed.has(filePath) || isStructuredSource(filePath));
  const files: ChangedFile[] = [];
  for (const [filePath, added] of changed) {
    const content = head.bytes(filePath);
    if (content !== undefined) files.push({ path: filePath, content, added });
  }
  return { files, repo: head, base: { repo: new GitRevision(root, base, isStructuredSource) } };
}

/**
 * What is staged for the next commit (for a pre-commit hook): the files the index changes
 * against HEAD, with their staged contents, and HEAD as the base for repository-level rules.
 */
export function loadStagedChangeset(root: string): Changeset {
  if (gitRoot(root) !== path.resolve(root)) throw new GitError(`--staged needs PATH to be the top directory of a git repository (${root} is not)`);
  const base = headOrEmptyTree(root);
  const changed = changedFilesBetween(root, base, 'staged');
  const staged = readBlobs(root, '', [...changed.keys()]);
  const files: ChangedFile[] = [];
  for (const [filePath, added] of changed) {
    const content = staged.get(filePath);
    if (content !== undefined) files.push({ path: filePath, content, added });
  }
  return { files, repo: new WorkTree(root), base: { repo: new GitRevision(root, base, isStructuredSource) } };
}

function fileAt(workTree: WorkTree, filePath: string): ChangedFile | undefined {
  const content = workTree.bytes(filePath);
  return content === undefined ? undefined : { path: filePath, content };
}

/** Base-revision files worth loading: what repository-level rules parse (not prose, not vendored). */
function isStructuredSource(filePath: string): boolean {
  return fileKindOf(filePath) !== 'text' && defaultSkipReason(filePath) === undefined;
}
