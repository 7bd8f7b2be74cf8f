import type { ProbotOctokit } from 'probot';
import type { UnreadFile } from '../engine/finding.ts';
import { describeError } from './describe-error.ts';

/**
 * Blobs per GraphQL query. Each query is one request, and plugin-throttling spaces GraphQL
 * requests like writes (about 1 s apart), so fewer larger queries are faster; 100 aliases keep a
 * query well inside GitHub's GraphQL node and timeout limits
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 */
export const MAX_BLOBS_PER_QUERY = 100;

/** Total blob bytes asked for in one query, so a batch of large files does not time out. */
export const MAX_BYTES_PER_QUERY = 4 * 1024 * 1024;

/** Stands for a binary file: the engine skips content with a NUL byte as binary. */
export const BINARY_CONTENT = new Uint8Array([0]);

/** One blob to fetch: by object id when the tree gave one, else by `<commit>:<path>`. */
export interface BlobRequest {
  key: string;
  oid?: string;
  expression?: string;
  /** Bytes, from the tree listing, for batching; unknown counts as 64 KiB. */
  size?: number;
}

interface BlobNode {
  text: string | null;
  isBinary: boolean | null;
  isTruncated: boolean;
  byteSize: number;
  oid: string;
}

/** Why a blob has no content: GitHub answered without it, or the request failed after retries. */
export type UnreadBlob = Pick<UnreadFile, 'reason' | 'detail'>;

export interface FetchedBlobs {
  /** Contents by request key. */
  contents: Map<string, string | Uint8Array>;
  /** The keys asked for that came back without content, and why: never to be taken as empty. */
  unread: Map<string, UnreadBlob>;
}

type BlobData = { repository: Record<string, BlobNode | null> | null };

/**
 * Fetches blob contents in GraphQL batches of aliased `object(...)` lookups. Text comes back as
 * a string, a binary blob as BINARY_CONTENT. A blob GraphQL returns truncated is fetched whole
 * through the REST git blobs API (one request each: rare). A lookup GitHub answers with `null`,
 * or a batch or REST fetch that fails with a server or network error after the client's
 * retries, is returned in `unread` with the reason; other errors (authentication, rate limits)
 * are thrown, for the job to be retried whole.
 */
export async function fetchBlobs(
  octokit: ProbotOctokit,
  repository: { owner: string; repo: string },
  requests: readonly BlobRequest[],
): Promise<FetchedBlobs> {
  const fetched: FetchedBlobs = { contents: new Map(), unread: new Map() };
  const unique = [...new Map(requests.map((request) => [request.key, request])).values()];
  for (const batch of batches(unique)) {
    const aliases = batch.map((request, index) => `f${index}: object(${selector(request)}) { ... on Blob { text isBinary isTruncated byteSize oid } }`);
    const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${aliases.join(' ')} } }`;
    let data: BlobData;
    try {
      data = await octokit.graphql<BlobData>(query, { owner: repository.owner, name: repository.repo });
    } catch (error) {
      if (!isServerFailure(error)) throw error;
      for (const request of batch) fetched.unread.set(request.key, { reason: 'fetch-failed', detail: describeError(error) });
      continue;
    }
    for (const [index, request] of batch.entries()) {
      const blob = data.repository?.[`f${index}`];
      if (!blob || blob.byteSize === undefined) fetched.unread.set(request.key, { reason: 'not-returned' });
      else if (blob.isBinary) fetched.contents.set(request.key, BINARY_CONTENT);
      else if (!blob.isTruncated && blob.text !== null) fetched.contents.set(request.key, blob.text);
      else {
        try {
          fetched.contents.set(request.key, await restBlob(octokit, repository, blob.oid));
        } catch (error) {
          if (!isServerFailure(error)) throw error;
          fetched.unread.set(request.key, { reason: 'fetch-failed', detail: describeError(error) });
        }
      }
    }
  }
  return fetched;
}

/**
 * A 5xx answer, or no answer at all (Octokit reports a network failure as status 500); the retry
 * plugin has already retried those.
 */
function isServerFailure(error: unknown): boolean {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 500;
}

function selector(request: BlobRequest): string {
  return request.oid ? `oid: ${JSON.stringify(request.oid)}` : `expression: ${JSON.stringify(request.expression ?? '')}`;
}

function* batches(requests: readonly BlobRequest[]): Generator<BlobRequest[]> {
  let batch: BlobRequest[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = request.size ?? 64 * 1024;
    if (batch.length > 0 && (batch.length >= MAX_BLOBS_PER_QUERY || bytes + size > MAX_BYTES_PER_QUERY)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(request);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

async function restBlob(octokit: ProbotOctokit, repository: { owner: string; repo: string }, oid: string): Promise<string | Uint8Array> {
  const { data } = await octokit.rest.git.getBlob({ owner: repository.owner, repo: repository.repo, file_sha: oid });
  const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  return bytes.includes(0) ? BINARY_CONTENT : bytes.toString('utf8');
}
