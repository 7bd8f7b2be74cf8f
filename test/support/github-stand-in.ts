import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateGitHubRequest } from './github-openapi.ts';

/**
 * A loopback stand-in for the GitHub API, for tests that run the App in separate processes
 * (where nock cannot reach): a node:http server on 127.0.0.1 that serves what a review, the
 * clock and App authentication use — as GitHub Enterprise Server does, REST under /api/v3 and
 * GraphQL under /api/graphql, so processes point at it with GHE_HOST=127.0.0.1:<port> and
 * GHE_PROTOCOL=http. It keeps a small world in memory (installations, repositories, pull
 * requests, check runs), records every request and validates each against GitHub's OpenAPI
 * description (github-openapi.ts): `problems` must stay empty. Tests synchronise on its
 * events (`waitFor`) and can hold a kind of request until released (`hold`).
 */

export interface StandInPullRequest {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  /** Files the pull request adds (path → text); the base holds BASE_FILES. */
  files: Readonly<Record<string, string>>;
  draft?: boolean;
}

export interface StandInCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  external_id?: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
}

/** A review as posted, with its inline comments (the App's are a bot's). */
export interface StandInReview {
  id: number;
  owner: string;
  repo: string;
  number: number;
  body: string;
  user: typeof BOT;
  state: string;
  comments: { id: number; path: string; line: number; body: string; user: typeof BOT; in_reply_to_id: null }[];
}

const BOT = { login: 'twelve-factor-review[bot]', type: 'Bot' } as const;

export interface RecordedRequest {
  method: string;
  /** Path without the /api/v3 prefix, with the query. */
  path: string;
  body: unknown;
  status: number;
  installationId?: number;
}

/** Every repository's base revision. */
export const BASE_FILES: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "service", "version": "1.0.0", "type": "module", "scripts": { "start": "node src/server.js" } }\n',
  'README.md': '# service\n',
};

export const STAND_IN_APP_ID = 4242;

interface Failure {
  matches: (method: string, path: string, body: string) => boolean;
  status: number;
  left: number;
}

interface Hold {
  matches: (method: string, path: string, body: string) => boolean;
  arrived: () => void;
  released: Promise<void>;
}

export class GitHubStandIn extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly problems: string[] = [];
  readonly checkRuns: StandInCheckRun[] = [];
  readonly reviews: StandInReview[] = [];
  /** Installations whose token requests GitHub refuses (403), as for a revoked installation. */
  readonly refusedInstallations = new Set<number>();
  readonly #pulls: StandInPullRequest[] = [];
  readonly #tokens = new Map<string, number>();
  readonly #holds: Hold[] = [];
  readonly #failures: Failure[] = [];
  /** Review threads resolved, by the id of the comment that starts them. */
  readonly #resolvedThreads = new Set<number>();
  #server: Server | undefined;
  #port = 0;

  /** `127.0.0.1:<port>`, for GHE_HOST. */
  get host(): string {
    return `127.0.0.1:${this.#port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => void this.#serve(request, response));
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server!.close(resolve));
  }

  addPullRequest(pull: StandInPullRequest): this {
    this.#pulls.push(pull);
    return this;
  }

  /** The reviews posted on one pull request. */
  reviewsOf(owner: string, repo: string, number: number): StandInReview[] {
    return this.reviews.filter((review) => review.owner === owner && review.repo === repo && review.number === number);
  }

  /** Whether the thread a comment starts was resolved. */
  isResolved(commentId: number): boolean {
    return this.#resolvedThreads.has(commentId);
  }

  /** The check runs on one head SHA. */
  checkRunsFor(headSha: string): StandInCheckRun[] {
    return this.checkRuns.filter((run) => run.head_sha === headSha);
  }

  /**
   * Holds requests matching `method`, a path pattern and (for GraphQL) a body pattern until
   * `release()`, after letting the first `skip` of them through; `arrived` resolves when the first held one comes in. For "a
   * review is at this step now" without sleeping.
   */
  hold(method: string, pathPattern: RegExp, options: { skip?: number; body?: RegExp } = {}): { arrived: Promise<void>; release: () => void } {
    let arrived!: () => void;
    let release!: () => void;
    let seen = 0;
    const hold: Hold = {
      matches: (candidateMethod, path, text) =>
        candidateMethod === method && pathPattern.test(path) && (options.body?.test(text) ?? true) && ++seen > (options.skip ?? 0),
      arrived: () => arrived(),
      released: new Promise<void>((resolve) => (release = resolve)),
    };
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.#holds.push(hold);
    return {
      arrived: arrival,
      release: () => {
        this.#holds.splice(this.#holds.indexOf(hold), 1);
        release();
      },
    };
  }

  /**
   * Answers the next `times` requests matching `method`, a path pattern and (for GraphQL) a body
   * pattern, after letting the first `skip` through, with `status` (502 by default), as GitHub does in an incident: enough times to outlast
   * the client's retries makes the job fail, and its next attempt meets a healthy GitHub.
   */
  fail(method: string, pathPattern: RegExp, options: { times: number; skip?: number; status?: number; body?: RegExp }): this {
    let seen = 0;
    this.#failures.push({
      matches: (candidateMethod, path, body) =>
        candidateMethod === method && pathPattern.test(path) && (options.body?.test(body) ?? true) && ++seen > (options.skip ?? 0),
      status: options.status ?? 502,
      left: options.times,
    });
    return this;
  }

  /** Resolves once `predicate` holds, re-checked after every request; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs: number, what = 'the condition'): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('request', check);
      };
      this.on('request', check);
    });
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `http://${this.host}`);
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    this.problems.push(...validateGitHubRequest({ method, url: url.href, body: text === '' ? undefined : text }));
    const installationId = this.#tokens.get((request.headers.authorization ?? '').replace(/^(token|bearer) /i, ''));
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    for (const hold of this.#holds.filter((candidate) => candidate.matches(method, path, text))) {
      hold.arrived();
      await hold.released;
    }
    // A request held while its process died (SIGKILL, or exit after a shutdown timeout) never happened.
    if (request.socket.destroyed) return;
    const failure = this.#failures.find((candidate) => candidate.left > 0 && candidate.matches(method, path, text));
    if (failure) failure.left--;
    const [status, payload] = failure
      ? [failure.status, { message: 'Server Error (stand-in)' }]
      : this.#answer(method, path, url.searchParams, body, installationId);
    this.requests.push({ method, path: `${path}${url.search}`, body, status, ...(installationId !== undefined && { installationId }) });
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(payload === undefined ? '' : JSON.stringify(payload));
    this.emit('request');
  }

  #answer(method: string, path: string, query: URLSearchParams, body: unknown, installationId: number | undefined): [number, unknown] {
    const route = `${method} ${path}`;
    let match: RegExpMatchArray | null;
    if ((match = route.match(/^POST \/app\/installations\/(\d+)\/access_tokens$/))) {
      const id = Number(match[1]);
      if (this.refusedInstallations.has(id)) return [403, { message: 'This installation has been suspended' }];
      const token = installationToken(id);
      this.#tokens.set(token, id);
      return [201, { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' }];
    }
    if (route === 'GET /app/installations') {
      const ids = [...new Set(this.#pulls.map((pull) => pull.installationId))];
      return [200, ids.map((id) => ({ id, account: { login: `org-${id}` }, app_id: STAND_IN_APP_ID, suspended_at: null }))];
    }
    if (route === 'GET /installation/repositories') {
      const repositories = this.#repositories().filter((repository) => repository.installationId === installationId);
      return [200, { total_count: repositories.length, repositories: repositories.map(repositoryJson) }];
    }
    if (route === 'POST /graphql') return [200, this.#graphql(body as { query: string; variables?: Record<string, unknown> })];
    if ((match = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)$/))) {
      return this.#repositoryRoute(method, decodeURIComponent(match[1]!), decodeURIComponent(match[2]!), match[3]!, query, body);
    }
    return [404, { message: 'Not Found (stand-in)' }];
  }

  #repositoryRoute(method: string, owner: string, repo: string, rest: string, query: URLSearchParams, body: unknown): [number, unknown] {
    const pulls = this.#pulls.filter((pull) => pull.owner === owner && pull.repo === repo);
    const route = `${method} ${rest}`;
    let match: RegExpMatchArray | null;
    if ((match = route.match(/^GET \/pulls\/(\d+)$/))) {
      const pull = pulls.find((candidate) => candidate.number === Number(match![1]));
      return pull ? [200, pullJson(pull)] : [404, { message: 'Not Found' }];
    }
    if ((match = route.match(/^GET \/pulls\/(\d+)\/files$/))) {
      const pull = pulls.find((candidate) => candidate.number === Number(match![1]));
      return pull ? [200, diffEntries(pull)] : [404, { message: 'Not Found' }];
    }
    if ((match = route.match(/^GET \/pulls\/(\d+)\/(comments|reviews)$/))) {
      const reviews = this.reviewsOf(owner, repo, Number(match[1]));
      return [200, match[2] === 'reviews' ? reviews : reviews.flatMap((review) => review.comments)];
    }
    if ((match = route.match(/^POST \/pulls\/(\d+)\/reviews$/))) {
      const input = body as { body?: string; comments?: { path: string; line: number; body: string }[] };
      const id = this.reviews.length + 1;
      const comments = (input.comments ?? []).map((comment, index) => ({ ...comment, id: id * 1000 + index, user: BOT, in_reply_to_id: null }));
      const review: StandInReview = { id, owner, repo, number: Number(match[1]), body: input.body ?? '', user: BOT, state: 'COMMENTED', comments };
      this.reviews.push(review);
      return [200, { id, state: 'COMMENTED', body: review.body, user: BOT }];
    }
    if ((match = route.match(/^GET \/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/))) {
      const pull = pulls.find((candidate) => candidate.headSha === match![2]);
      return [200, { status: 'ahead', merge_base_commit: { sha: match[1] }, files: pull ? diffEntries(pull) : [] }];
    }
    if ((match = route.match(/^GET \/git\/trees\/([0-9a-f]+)$/))) {
      const files = this.#filesAt(owner, repo, match[1]!);
      return [200, { sha: match[1], truncated: false, tree: Object.entries(files).map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: blobSha(text), size: Buffer.byteLength(text) })) }];
    }
    if (/^GET \/contents\//.test(route)) return [404, { message: 'Not Found' }];
    if (route === 'POST /check-runs') {
      const input = body as Omit<StandInCheckRun, 'id' | 'owner' | 'repo'>;
      const run: StandInCheckRun = { ...input, id: this.checkRuns.length + 1, owner, repo, status: input.status ?? 'queued' };
      this.checkRuns.push(run);
      return [201, run];
    }
    if ((match = route.match(/^PATCH \/check-runs\/(\d+)$/))) {
      const run = this.checkRuns.find((candidate) => candidate.id === Number(match![1]));
      if (!run) return [404, { message: 'Not Found' }];
      const update = body as Partial<StandInCheckRun>;
      // GitHub appends each update's annotations to the run's.
      const annotations = [...(run.output?.annotations ?? []), ...(update.output?.annotations ?? [])];
      Object.assign(run, { ...update, output: { ...run.output, ...update.output, annotations } });
      return [200, run];
    }
    if ((match = route.match(/^GET \/commits\/([0-9a-f]+)\/check-runs$/))) {
      const runs = this.checkRuns.filter(
        (run) => run.owner === owner && run.repo === repo && run.head_sha === match![1] && (!query.has('check_name') || run.name === query.get('check_name')),
      );
      const listed = runs.map(({ output, ...run }) => ({
        ...run,
        output: { title: output?.title ?? null, summary: output?.summary ?? null, text: output?.text ?? null, annotations_count: output?.annotations?.length ?? 0, annotations_url: '' },
      }));
      return [200, { total_count: runs.length, check_runs: listed }];
    }
    return [404, { message: 'Not Found (stand-in)' }];
  }

  #graphql(request: { query: string; variables?: Record<string, unknown> }): unknown {
    const query = request.query;
    if (query.includes('ReconcileOpenPullRequests')) return { data: { nodes: (request.variables?.ids as string[]).map((id) => this.#reconcileNode(id)) } };
    if (query.includes('reviewThreads')) {
      const { owner, name, number } = request.variables as { owner: string; name: string; number: number };
      // One thread per top-level comment, named after it.
      const nodes = this.reviewsOf(owner, name, number)
        .flatMap((review) => review.comments)
        .map((comment) => ({ id: `T_${comment.id}`, isResolved: this.#resolvedThreads.has(comment.id), comments: { nodes: [{ databaseId: comment.id }] } }));
      return { data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } } } } };
    }
    if (query.includes('resolveReviewThread')) {
      const data: Record<string, unknown> = {};
      for (const mutation of query.matchAll(/(\w+): resolveReviewThread\(input: \{ threadId: "T_(\d+)" \}\)/g)) {
        this.#resolvedThreads.add(Number(mutation[2]));
        data[mutation[1]!] = { thread: { isResolved: true } };
      }
      return { data };
    }
    if (query.includes(': object(')) {
      const owner = request.variables?.owner as string;
      const repo = request.variables?.name as string;
      const byOid = new Map<string, string>();
      for (const pull of this.#pulls.filter((candidate) => candidate.owner === owner && candidate.repo === repo)) {
        for (const text of Object.values({ ...BASE_FILES, ...pull.files })) byOid.set(blobSha(text), text);
      }
      const repository: Record<string, unknown> = {};
      for (const alias of query.matchAll(/(\w+): object\((oid|expression): ("(?:[^"\\]|\\.)*")\)/g)) {
        const key = JSON.parse(alias[3]!) as string;
        const text = alias[2] === 'oid' ? byOid.get(key) : this.#expression(owner, repo, key);
        repository[alias[1]!] = text === undefined ? null : { text, isBinary: false, isTruncated: false, byteSize: Buffer.byteLength(text), oid: blobSha(text) };
      }
      return { data: { repository } };
    }
    return { errors: [{ message: 'stand-in: unsupported GraphQL query' }] };
  }

  #reconcileNode(id: string): unknown {
    const repository = this.#repositories().find((candidate) => candidate.nodeId === id);
    if (!repository) return null;
    const pulls = this.#pulls.filter((pull) => pull.owner === repository.owner && pull.repo === repository.repo);
    return {
      name: repository.repo,
      owner: { login: repository.owner },
      pullRequests: {
        nodes: pulls.map((pull) => ({
          number: pull.number,
          headRefOid: pull.headSha,
          commits: {
            nodes: [
              {
                commit: {
                  oid: pull.headSha,
                  checkSuites: {
                    nodes: [{ checkRuns: { totalCount: this.checkRunsFor(pull.headSha).filter((run) => run.status === 'completed').length } }],
                  },
                },
              },
            ],
          },
        })),
      },
    };
  }

  #expression(owner: string, repo: string, expression: string): string | undefined {
    const [commit, ...path] = expression.split(':');
    return this.#filesAt(owner, repo, commit!)[path.join(':')];
  }

  #filesAt(owner: string, repo: string, commit: string): Record<string, string> {
    const pull = this.#pulls.find((candidate) => candidate.owner === owner && candidate.repo === repo && candidate.headSha === commit);
    return pull ? { ...BASE_FILES, ...pull.files } : { ...BASE_FILES };
  }

  #repositories(): { installationId: number; owner: string; repo: string; nodeId: string }[] {
    const seen = new Map<string, { installationId: number; owner: string; repo: string; nodeId: string }>();
    for (const pull of this.#pulls) {
      const key = `${pull.owner}/${pull.repo}`;
      if (!seen.has(key)) seen.set(key, { installationId: pull.installationId, owner: pull.owner, repo: pull.repo, nodeId: `R_${Buffer.from(key).toString('base64url')}` });
    }
    return [...seen.values()];
  }
}

function repositoryJson(repository: { owner: string; repo: string; nodeId: string }): unknown {
  return { id: 1, node_id: repository.nodeId, name: repository.repo, full_name: `${repository.owner}/${repository.repo}`, owner: { login: repository.owner }, archived: false, disabled: false, private: true };
}

function pullJson(pull: StandInPullRequest): unknown {
  const repository = { full_name: `${pull.owner}/${pull.repo}`, name: pull.repo, owner: { login: pull.owner } };
  return {
    number: pull.number,
    state: 'open',
    draft: pull.draft ?? false,
    changed_files: Object.keys(pull.files).length,
    head: { ref: `change-${pull.number}`, sha: pull.headSha, repo: repository },
    base: { ref: 'main', sha: pull.baseSha, repo: repository },
  };
}

/** GitHub's diff entries for files the pull request adds: every line added. */
function diffEntries(pull: StandInPullRequest): unknown[] {
  return Object.entries(pull.files).map(([filename, text]) => {
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    return {
      sha: blobSha(text),
      filename,
      status: 'added',
      additions: lines.length,
      deletions: 0,
      changes: lines.length,
      patch: [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n'),
    };
  });
}

/** The access token the stand-in issues to an installation (shaped like GitHub's `ghs_…`). */
export function installationToken(installationId: number): string {
  return `ghs_${createHash('sha256').update(`installation-${installationId}`).digest('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
}

/** Git's object id of a blob. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
