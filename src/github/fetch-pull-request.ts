import picomatch from 'picomatch';
import type { ProbotOctokit } from 'probot';
import type { Check } from '../../checks/define-check.ts';
import { CHECKS } from '../../checks/index.ts';
import type { ChangedFile, Changeset, LineRanges } from '../engine/changeset.ts';
import type { Config } from '../engine/config.ts';
import { defaultSkipReason, MAX_FILE_BYTES } from '../engine/file-kind.ts';
import { MemoryRepository } from '../engine/repository.ts';
import { enabledChecks } from '../engine/review.ts';
import { addedLines } from './added-lines.ts';
import type { UnreadFile } from '../engine/finding.ts';
import { fetchBlobs, type BlobRequest, type FetchedBlobs, type UnreadBlob } from './fetch-blobs.ts';
import { CONFIG_PATH } from './load-config.ts';
import { isManifest, selectRepositoryFiles } from './select-repository-files.ts';
import { loadShellGrammar } from '../languages/shell/parse-shell.ts';

/**
 * GitHub lists at most 3,000 files of a pull request
 * (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files), 100 per page.
 */
export const MAX_PULL_REQUEST_FILES = 3000;
const FILES_PER_PAGE = 100;

/**
 * A comparison lists at most 300 changed files
 * (https://docs.github.com/en/rest/commits/commits#compare-two-commits); beyond that a merge
 * group's changes come from comparing the two trees.
 */
export const MAX_COMPARE_FILES = 300;

/** What to review: a head commit against a base, in the repository that receives the checks. */
export interface ReviewRevision {
  owner: string;
  repo: string;
  headSha: string;
  /** A pull request's base branch tip (the merge base is looked up), or a merge group's base. */
  baseSha: string;
  /** A pull request's number: its files come from the pull request. A merge group has none. */
  pullNumber?: number;
  /** How many files GitHub says the pull request changes, to tell when its listing stopped. */
  changedFiles?: number;
}

export interface FetchedPullRequest {
  changeset: Changeset;
  /**
   * Lines each patch adds: where review comments can go. A file GitHub gives no patch for has
   * none, even a new one — GitHub places comments only on lines of the diff it shows.
   */
  commentable: ReadonlyMap<string, LineRanges>;
  /** Limits met while fetching, as sentences for the check run. */
  notes: string[];
  /** Set when the change edits the configuration file: its new text, or `removed`. */
  configFile?: { removed: boolean; text?: string };
}

interface DiffEntry {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

interface TreeBlob {
  sha: string;
  size?: number;
}

interface Tree {
  blobs: Map<string, TreeBlob>;
  truncated: boolean;
}

/**
 * Fetches a pull request (or merge group) as a changeset, with few requests: the changed files
 * (paginated, 100 a page), one comparison for the merge base, one recursive tree listing per
 * revision, then the contents in GraphQL batches (fetch-blobs.ts) — the changed files at head,
 * and, when a repository-level rule is enabled, their base versions; plus the repository files
 * rules read (select-repository-files.ts), each blob once even when both revisions share it.
 * Contents are fetched from the base repository, so fork pull requests need no access to the
 * fork. Deleted files are not reviewed; a renamed file is reviewed under its new path; a file
 * GitHub gives no patch for is reviewed whole with no added lines (its findings are existing)
 * unless it is new. Vendored, generated, ignored and oversized files are passed on unfetched
 * for the engine to count as skipped.
 */
export async function fetchPullRequest(
  octokit: ProbotOctokit,
  revision: ReviewRevision,
  config: Config,
  checks: readonly Check[] = CHECKS,
): Promise<FetchedPullRequest> {
  const repository = { owner: revision.owner, repo: revision.repo };
  const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repository,
    basehead: `${revision.baseSha}...${revision.headSha}`,
    per_page: 1,
  });
  const mergeBase = comparison.merge_base_commit.sha;
  let entries: DiffEntry[] = revision.pullNumber === undefined ? (comparison.files ?? []) : await listFiles(octokit, revision);
  const needsBase = enabledChecks(checks, config).some(({ check }) => check.meta.scope === 'repository');
  const treeDiff = revision.pullNumber === undefined && entries.length >= MAX_COMPARE_FILES;
  const [head, base] = await Promise.all([
    listTree(octokit, repository, revision.headSha),
    needsBase || treeDiff ? listTree(octokit, repository, mergeBase) : Promise.resolve(emptyTree()),
  ]);
  if (treeDiff) entries = [...entries, ...treeChanges(base, head, new Set(entries.map((entry) => entry.filename)))];

  const ignored = config.ignore.length > 0 ? picomatch([...config.ignore], { dot: true }) : () => false;
  const skipped = (filePath: string) => defaultSkipReason(filePath) !== undefined || ignored(filePath);
  const headRevision: Revision = {
    tree: head,
    commit: revision.headSha,
    changed: entries.filter((entry) => entry.status !== 'removed').map((entry) => entry.filename),
  };
  const baseRevision: Revision = {
    tree: base,
    commit: mergeBase,
    changed: entries.filter((entry) => entry.status !== 'added').map((entry) => entry.previous_filename ?? entry.filename),
  };
  const fetched = await fetchContents(octokit, repository, needsBase ? [headRevision, baseRevision] : [headRevision], skipped);
  const read = (at: Revision, filePath: string) => fetched.contents.get(blobKey(at, filePath));
  const unreadAt = (at: Revision, filePath: string) => fetched.unread.get(blobKey(at, filePath));

  const added = new Map(entries.map((entry) => [entry.filename, entry.patch ? addedLines(entry.patch) : undefined]));
  const files: ChangedFile[] = [];
  const unread: UnreadFile[] = [];
  for (const entry of entries.filter((candidate) => candidate.status !== 'removed')) {
    const failure = unreadAt(headRevision, entry.filename);
    if (failure) {
      unread.push({ path: entry.filename, ...failure });
      continue;
    }
    files.push({
      path: entry.filename,
      content: fileContent(head, entry.filename, skipped, read(headRevision, entry.filename)),
      added: entry.status === 'added' ? 'all' : (added.get(entry.filename) ?? []),
    });
  }
  const unlisted = revision.pullNumber === undefined ? 0 : Math.max(0, (revision.changedFiles ?? 0) - entries.length);
  return {
    changeset: {
      files,
      unread,
      unlisted,
      repo: repositoryView(headRevision, read, unreadAt),
      base: { repo: needsBase ? repositoryView(baseRevision, read, unreadAt) : new MemoryRepository({}) },
    },
    commentable: new Map([...added].filter((pair): pair is [string, LineRanges] => pair[1] !== undefined)),
    notes: fetchNotes(head.truncated || base.truncated),
    ...configFileChange(entries, (filePath) => read(headRevision, filePath)),
  };
}

/** One revision's side of the fetch: its tree, commit and changed paths. */
interface Revision {
  tree: Tree;
  commit: string;
  changed: readonly string[];
}

/**
 * The contents of each revision's changed files and of the repository files rules read, in two
 * rounds: first the changed files, manifests and conventional entry points, then the entry
 * points the fetched manifests declare (usually none or a few).
 */
async function fetchContents(
  octokit: ProbotOctokit,
  repository: { owner: string; repo: string },
  revisions: readonly Revision[],
  skipped: (filePath: string) => boolean,
): Promise<FetchedBlobs> {
  // Which scripts the manifests start is read with the shell reader.
  await loadShellGrammar();
  const wanted = (manifestsOf: (at: Revision) => ReadonlyMap<string, string>) =>
    revisions.flatMap((at) =>
      [...at.changed, ...selectRepositoryFiles([...at.tree.blobs.keys()], manifestsOf(at))]
        .map((filePath) => blobRequest(at, filePath, skipped))
        .filter(isDefined),
    );
  const firstRound = wanted(() => new Map());
  const fetched = await fetchBlobs(octokit, repository, firstRound);
  const contents = fetched.contents;
  const manifests = (at: Revision) =>
    new Map(
      [...at.tree.blobs.keys()]
        .filter(isManifest)
        .map((filePath) => [filePath, contents.get(blobKey(at, filePath))] as const)
        .filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string'),
    );
  const requested = new Set(firstRound.map((request) => request.key));
  const secondRound = wanted(manifests).filter((request) => !requested.has(request.key));
  const more = await fetchBlobs(octokit, repository, secondRound);
  for (const [key, content] of more.contents) contents.set(key, content);
  for (const [key, failure] of more.unread) fetched.unread.set(key, failure);
  return fetched;
}

function fetchNotes(truncatedTree: boolean): string[] {
  const notes: string[] = [];
  if (truncatedTree) {
    notes.push('The repository has more files than one tree listing returns: rules that look beyond the changed files saw part of it.');
  }
  return notes;
}

/** The change's edit of the configuration file, if any: deleted (or renamed away), or its new text. */
function configFileChange(
  entries: readonly DiffEntry[],
  read: (filePath: string) => string | Uint8Array | undefined,
): Pick<FetchedPullRequest, 'configFile'> {
  const entry = entries.find((candidate) => candidate.filename === CONFIG_PATH || candidate.previous_filename === CONFIG_PATH);
  if (!entry) return {};
  if (entry.status === 'removed' || entry.filename !== CONFIG_PATH) return { configFile: { removed: true } };
  const text = read(CONFIG_PATH);
  return { configFile: { removed: false, ...(typeof text === 'string' && { text }) } };
}

async function listFiles(octokit: ProbotOctokit, revision: ReviewRevision): Promise<DiffEntry[]> {
  let pages = 0;
  return octokit.paginate(
    octokit.rest.pulls.listFiles,
    { owner: revision.owner, repo: revision.repo, pull_number: revision.pullNumber!, per_page: FILES_PER_PAGE },
    (response, done) => {
      if (++pages >= MAX_PULL_REQUEST_FILES / FILES_PER_PAGE) done();
      return response.data;
    },
  );
}

async function listTree(octokit: ProbotOctokit, repository: { owner: string; repo: string }, commit: string): Promise<Tree> {
  const { data } = await octokit.rest.git.getTree({ ...repository, tree_sha: commit, recursive: 'true' });
  const blobs = new Map<string, TreeBlob>();
  for (const entry of data.tree) {
    if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, { sha: entry.sha, ...(entry.size !== undefined && { size: entry.size }) });
  }
  return { blobs, truncated: data.truncated };
}

function emptyTree(): Tree {
  return { blobs: new Map(), truncated: false };
}

/** Changes between two trees that `known` does not list yet, without patches. */
function treeChanges(base: Tree, head: Tree, known: ReadonlySet<string>): DiffEntry[] {
  const changes: DiffEntry[] = [];
  for (const [filePath, blob] of head.blobs) {
    if (known.has(filePath)) continue;
    const before = base.blobs.get(filePath);
    if (!before) changes.push({ filename: filePath, status: 'added' });
    else if (before.sha !== blob.sha) changes.push({ filename: filePath, status: 'modified' });
  }
  for (const filePath of base.blobs.keys()) {
    if (!known.has(filePath) && !head.blobs.has(filePath)) changes.push({ filename: filePath, status: 'removed' });
  }
  return changes;
}

/** Blobs are keyed by object id, so a file both revisions share is fetched once. */
function blobKey(at: Revision, filePath: string): string {
  return at.tree.blobs.get(filePath)?.sha ?? `${at.commit}:${filePath}`;
}

/** What to ask GraphQL for a file; nothing for a file skipped by path or over the size limit. */
function blobRequest(at: Revision, filePath: string, skipped: (filePath: string) => boolean): BlobRequest | undefined {
  if (skipped(filePath)) return undefined;
  const blob = at.tree.blobs.get(filePath);
  if (blob?.size !== undefined && blob.size > MAX_FILE_BYTES) return undefined;
  if (blob) return { key: blob.sha, oid: blob.sha, ...(blob.size !== undefined && { size: blob.size }) };
  // Not in the listing (a truncated tree): by commit and path.
  return { key: `${at.commit}:${filePath}`, expression: `${at.commit}:${filePath}` };
}

/**
 * What the engine gets for a changed file: its text or bytes; for a file skipped by path, an
 * empty text it never reads; for one over the size limit, zeroed bytes of its size, so the
 * engine reports it as too large without the file being downloaded.
 */
function fileContent(
  head: Tree,
  filePath: string,
  skipped: (filePath: string) => boolean,
  content: string | Uint8Array | undefined,
): string | Uint8Array {
  if (content !== undefined) return content;
  const size = head.blobs.get(filePath)?.size ?? 0;
  if (!skipped(filePath) && size > MAX_FILE_BYTES) return new Uint8Array(size);
  return '';
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * Every path of a revision (its changed paths too, should the tree listing be truncated), with
 * the texts fetched, and the files whose fetch failed as unreadable.
 */
function repositoryView(
  at: Revision,
  read: (at: Revision, filePath: string) => string | Uint8Array | undefined,
  unreadAt: (at: Revision, filePath: string) => UnreadBlob | undefined,
): MemoryRepository {
  const files = new Map<string, string | undefined>();
  const unreadable: UnreadFile[] = [];
  for (const filePath of [...at.tree.blobs.keys(), ...at.changed]) {
    const content = read(at, filePath);
    files.set(filePath, typeof content === 'string' ? content : undefined);
    const failure = unreadAt(at, filePath);
    if (failure) unreadable.push({ path: filePath, ...failure });
  }
  return new MemoryRepository(files, unreadable);
}
