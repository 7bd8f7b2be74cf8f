import path from 'node:path';
import type { ChangedFile, Changeset } from '../engine/changeset.ts';
import type { UnreadFile } from '../engine/finding.ts';
import { defaultSkipReason, fileKindOf } from '../engine/file-kind.ts';
import { changedFiles, GitError, GitRevision, gitRoot, mergeBase } from './git.ts';
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

function fileAt(workTree: WorkTree, filePath: string): ChangedFile | undefined {
  const content = workTree.bytes(filePath);
  return content === undefined ? undefined : { path: filePath, content };
}

/** Base-revision files worth loading: what repository-level rules parse (not prose, not vendored). */
function isStructuredSource(filePath: string): boolean {
  return fileKindOf(filePath) !== 'text' && defaultSkipReason(filePath) === undefined;
}
