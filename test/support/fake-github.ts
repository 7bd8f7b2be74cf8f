import { createHash } from 'node:crypto';
import nock from 'nock';

/**
 * GitHub as nock interceptors for the App's tests: each method mocks one kind of request with
 * what real GitHub would answer for a small repository held in memory. Interceptors are not
 * persisted unless the number of calls legitimately varies (GraphQL blob batches, check-run
 * updates), so a request the App should have made stays pending and fails the test.
 */

export const API_URL = 'https://api.github.com';

/** The repository, installation and pull request of @octokit/webhooks-examples' pull_request.opened. */
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const INSTALLATION_ID = 1;
export const PULL_NUMBER = 2;
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const MERGE_BASE_SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

export type FileContent = string | Uint8Array;
export type RepoFiles = Readonly<Record<string, FileContent>>;

export interface DiffEntry {
  sha: string;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

/** Git's blob object id of a content. */
export function blobSha(content: FileContent): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The PR files GitHub lists for base → head: added, removed, modified, renamed (`renames`
 * maps new path → old path); binary files and `withoutPatch` paths get no patch.
 */
export function diffEntries(
  base: RepoFiles,
  head: RepoFiles,
  options: { renames?: Readonly<Record<string, string>>; withoutPatch?: readonly string[] } = {},
): DiffEntry[] {
  const renames = options.renames ?? {};
  const renamedFrom = new Set(Object.values(renames));
  const entries: DiffEntry[] = [];
  const entry = (filename: string, status: DiffEntry['status'], before: FileContent | undefined, after: FileContent | undefined, previous?: string) => {
    const text = typeof before !== 'object' && typeof after !== 'object';
    const patch = text && !options.withoutPatch?.includes(filename) && before !== after ? unifiedPatch(before ?? '', after ?? '') : undefined;
    const additions = patch ? patch.split('\n').filter((line) => line.startsWith('+')).length : 0;
    const deletions = patch ? patch.split('\n').filter((line) => line.startsWith('-')).length : 0;
    entries.push({
      sha: blobSha(after ?? before ?? ''),
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/${filename}`,
      raw_url: `https://github.com/${OWNER}/${REPO}/raw/${HEAD_SHA}/${filename}`,
      contents_url: `${API_URL}/repos/${OWNER}/${REPO}/contents/${filename}?ref=${HEAD_SHA}`,
      ...(patch !== undefined && { patch }),
      ...(previous !== undefined && { previous_filename: previous }),
    });
  };
  for (const [filename, after] of Object.entries(head)) {
    const previous = renames[filename];
    if (previous !== undefined) entry(filename, 'renamed', base[previous], after, previous);
    else if (!(filename in base)) entry(filename, 'added', undefined, after);
    else if (blobSha(base[filename]!) !== blobSha(after)) entry(filename, 'modified', base[filename], after);
  }
  for (const [filename, before] of Object.entries(base)) {
    if (!(filename in head) && !renamedFrom.has(filename)) entry(filename, 'removed', before, undefined);
  }
  return entries.sort((a, b) => (a.filename < b.filename ? -1 : 1));
}

/** One hunk covering both files whole, from a longest-common-subsequence diff of their lines. */
export function unifiedPatch(before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(` ${a[i++]}`);
      j++;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) lines.push(`+${b[j++]}`);
    else lines.push(`-${a[i++]}`);
  }
  const range = (length: number) => (length === 0 ? '0,0' : `1,${length}`);
  const noNewline = after !== '' && !after.endsWith('\n') ? ['\\ No newline at end of file'] : [];
  return [`@@ -${range(a.length)} +${range(b.length)} @@`, ...lines, ...noNewline].join('\n');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export interface PullRequestState {
  number?: number;
  headSha?: string;
  baseSha?: string;
  draft?: boolean;
  state?: 'open' | 'closed';
  changedFiles?: number;
  /** A fork's full name, when the head lives in a fork. */
  headRepository?: string;
}

interface ExistingComment {
  id: number;
  body: string;
  bot?: boolean;
  path?: string;
  line?: number;
}

/** Interceptors for one repository on one GitHub host. */
export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly scope: nock.Scope;
  readonly #origin: string;
  readonly #prefix: string;
  /** Object ids GraphQL answers truncated, for the REST blob fallback. */
  readonly #truncated = new Set<string>();

  constructor(options: { owner?: string; repo?: string; baseUrl?: string } = {}) {
    this.owner = options.owner ?? OWNER;
    this.repo = options.repo ?? REPO;
    const url = new URL(options.baseUrl ?? API_URL);
    this.#origin = url.origin;
    this.scope = nock(url.origin);
    this.#prefix = url.pathname.replace(/\/$/, '');
  }

  #path(suffix: string, repo = this.repo): string {
    return `${this.#prefix}/repos/${this.owner}/${repo}${suffix}`;
  }

  /** The installation access token (once per Probot instance: Probot caches it). */
  token(): this {
    this.scope
      .post(`${this.#prefix}/app/installations/${INSTALLATION_ID}/access_tokens`)
      .reply(201, { token: 'ghs_test-installation-token', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
    return this;
  }

  pull(state: PullRequestState = {}): this {
    const number = state.number ?? PULL_NUMBER;
    const headRepository = state.headRepository ?? `${this.owner}/${this.repo}`;
    this.scope.get(this.#path(`/pulls/${number}`)).reply(200, {
      number,
      state: state.state ?? 'open',
      draft: state.draft ?? false,
      changed_files: state.changedFiles ?? 1,
      head: { ref: 'changes', sha: state.headSha ?? HEAD_SHA, repo: { full_name: headRepository } },
      base: { ref: 'master', sha: state.baseSha ?? BASE_SHA, repo: { full_name: `${this.owner}/${this.repo}` } },
    });
    return this;
  }

  /** `.github/twelve-factor.yml` on the default branch; without `text`, a 404 here and in the org's `.github`. */
  config(text?: string, options: { org?: string } = {}): this {
    const file = '/contents/.github%2Ftwelve-factor.yml';
    if (text !== undefined) {
      this.scope.get(this.#path(file)).reply(200, text, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      return this;
    }
    this.scope.get(this.#path(file)).reply(404, { message: 'Not Found' });
    if (options.org !== undefined) {
      this.scope.get(this.#path(file, '.github')).reply(200, options.org, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    } else this.scope.get(this.#path(file, '.github')).reply(404, { message: 'Not Found' });
    return this;
  }

  compare(options: { baseSha?: string; headSha?: string; mergeBase?: string; files?: DiffEntry[] } = {}): this {
    this.scope
      .get(this.#path(`/compare/${options.baseSha ?? BASE_SHA}...${options.headSha ?? HEAD_SHA}`))
      .query({ per_page: '1' })
      .reply(200, {
        status: 'ahead',
        merge_base_commit: { sha: options.mergeBase ?? MERGE_BASE_SHA },
        files: options.files ?? [],
      });
    return this;
  }

  /** The PR's files, 100 a page with GitHub's Link header. */
  files(entries: readonly DiffEntry[], number = PULL_NUMBER): this {
    const pages = Math.max(1, Math.ceil(entries.length / 100));
    for (let page = 1; page <= pages; page++) {
      const link =
        page < pages
          ? { link: `<${API_URL}${this.#path(`/pulls/${number}/files`)}?per_page=100&page=${page + 1}>; rel="next", <${API_URL}${this.#path(`/pulls/${number}/files`)}?per_page=100&page=${pages}>; rel="last"` }
          : undefined;
      this.scope
        .get(this.#path(`/pulls/${number}/files`))
        .query(page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) })
        .reply(200, entries.slice((page - 1) * 100, page * 100), link);
    }
    return this;
  }

  tree(commit: string, files: RepoFiles, options: { optional?: boolean } = {}): this {
    this.scope
      .get(this.#path(`/git/trees/${commit}`))
      .query({ recursive: 'true' })
      .optionally(options.optional === true)
      .reply(200, {
        sha: commit,
        truncated: false,
        tree: Object.entries(files).map(([path, content]) => ({
          path,
          mode: '100644',
          type: 'blob',
          sha: blobSha(content),
          size: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength,
        })),
      });
    return this;
  }

  /** GraphQL blob batches over the given revisions' files, by object id or `<commit>:<path>`. */
  blobs(...revisions: { commit: string; files: RepoFiles }[]): this {
    const byOid = new Map<string, FileContent>();
    const byExpression = new Map<string, FileContent>();
    for (const { commit, files } of revisions) {
      for (const [path, content] of Object.entries(files)) {
        byOid.set(blobSha(content), content);
        byExpression.set(`${commit}:${path}`, content);
      }
    }
    // A scope of its own: `persist()` applies to a whole scope.
    nock(this.#origin)
      .persist()
      .post(this.#graphqlPath(), (body: { query?: string }) => body.query?.includes(': object(') === true)
      // nock 15 hands a reply function the request itself.
      .reply(200, async (request: Request) => {
        const { query } = (await request.json()) as { query: string };
        const repository: Record<string, unknown> = {};
        for (const match of query.matchAll(/(f\d+): object\((oid|expression): ("(?:[^"\\]|\\.)*")\)/g)) {
          const key = JSON.parse(match[3]!) as string;
          const content = match[2] === 'oid' ? byOid.get(key) : byExpression.get(key);
          repository[match[1]!] =
            content === undefined
              ? null
              : typeof content === 'string'
                ? { text: content, isBinary: false, isTruncated: this.#truncated.has(blobSha(content)), byteSize: Buffer.byteLength(content), oid: blobSha(content) }
                : { text: null, isBinary: true, isTruncated: false, byteSize: content.byteLength, oid: blobSha(content) };
        }
        return { data: { repository } };
      });
    return this;
  }

  /** GraphQL answers this content truncated (as for a large blob): the App must fetch it through REST. */
  truncate(content: FileContent): this {
    this.#truncated.add(blobSha(content));
    return this;
  }

  #graphqlPath(): string {
    return this.#prefix === '/api/v3' ? '/api/graphql' : `${this.#prefix}/graphql`;
  }

  /** Check-run creation answering id 1; then any number of updates (the tests count them). */
  checkRuns(options: { id?: number } = {}): this {
    const id = options.id ?? 1;
    this.scope.post(this.#path('/check-runs')).reply(201, { id, status: 'in_progress' });
    nock(this.#origin).persist().patch(this.#path(`/check-runs/${id}`)).reply(200, { id });
    return this;
  }

  /** Check-run creation only (a run created already completed: a skipped draft, an early failure). */
  checkRunCreated(options: { id?: number } = {}): this {
    this.scope.post(this.#path('/check-runs')).reply(201, { id: options.id ?? 1 });
    return this;
  }

  /** What the review step reads: earlier review comments and, when given, earlier reviews. */
  reviewHistory(comments: readonly ExistingComment[] = [], reviews?: readonly { id: number; body: string }[], number = PULL_NUMBER): this {
    const bot = { login: 'twelve-factor-review[bot]', type: 'Bot' };
    this.scope
      .get(this.#path(`/pulls/${number}/comments`))
      .query({ per_page: '100' })
      .reply(
        200,
        comments.map((comment) => ({
          id: comment.id,
          body: comment.body,
          path: comment.path ?? 'src/server.ts',
          line: comment.line ?? 1,
          user: comment.bot === false ? { login: 'octocat', type: 'User' } : bot,
        })),
      );
    if (reviews === undefined) return this;
    this.scope
      .get(this.#path(`/pulls/${number}/reviews`))
      .query({ per_page: '100' })
      .reply(200, reviews.map((review) => ({ ...review, user: bot, state: 'COMMENTED' })));
    return this;
  }

  review(options: { status?: number; number?: number } = {}): this {
    const status = options.status ?? 200;
    this.scope
      .post(this.#path(`/pulls/${options.number ?? PULL_NUMBER}/reviews`))
      .reply(status, status === 200 ? { id: 80, state: 'COMMENTED' } : { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    return this;
  }

  reviewComment(options: { status?: number } = {}): this {
    const status = options.status ?? 201;
    this.scope
      .post(this.#path(`/pulls/${PULL_NUMBER}/comments`))
      .reply(status, status === 201 ? { id: 90 } : { message: 'Unprocessable Entity', errors: ['pull_request_review_thread.line must be part of the diff'] });
    return this;
  }

  /** The review threads query, then the resolving mutation when `resolves` is set. */
  threads(threads: readonly { id: string; commentId: number; resolved?: boolean }[], options: { resolves?: boolean } = {}): this {
    this.scope
      .post(this.#graphqlPath(), (body: { query?: string }) => body.query?.includes('reviewThreads') === true)
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              reviewThreads: {
                pageInfo: { hasNextPage: false, endCursor: null },
                nodes: threads.map((thread) => ({
                  id: thread.id,
                  isResolved: thread.resolved ?? false,
                  comments: { nodes: [{ databaseId: thread.commentId }] },
                })),
              },
            },
          },
        },
      });
    if (options.resolves) {
      this.scope
        .post(this.#graphqlPath(), (body: { query?: string }) => body.query?.includes('resolveReviewThread') === true)
        .reply(200, { data: { t0: { thread: { isResolved: true } } } });
    }
    return this;
  }
}
