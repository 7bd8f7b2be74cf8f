import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BINARY_CONTENT, fetchBlobs, MAX_BLOBS_PER_QUERY, MAX_BYTES_PER_QUERY } from '../../src/github/fetch-blobs.ts';
import { validateGitHubRequest } from '../support/github-openapi.ts';

const API = 'https://api.github.com';
const problems: string[] = [];
const octokit = new ProbotOctokit({
  auth: { token: 'test' },
  throttle: { enabled: false },
  retry: { enabled: false },
  request: {
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      problems.push(...validateGitHubRequest({ method: init?.method ?? 'GET', url: String(input), body: init?.body as string | undefined }));
      return fetch(input, init);
    },
  },
});
const repository = { owner: 'acme', repo: 'shop' };

beforeEach(() => {
  nock.disableNetConnect();
  problems.length = 0;
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(problems).toEqual([]);
  expect(pending).toEqual([]);
});

/** Answers each aliased lookup of a query from `blobs` (by oid or expression), counting the aliases. */
function graphql(blobs: Record<string, object | null>, aliasCounts: number[]): void {
  nock(API)
    .post('/graphql')
    .reply(200, async (request: Request) => {
      const { query } = (await request.json()) as { query: string };
      const repositoryData: Record<string, object | null> = {};
      for (const match of query.matchAll(/(f\d+): object\((?:oid|expression): "([^"]+)"\)/g)) repositoryData[match[1]!] = blobs[match[2]!] ?? null;
      aliasCounts.push(Object.keys(repositoryData).length);
      return { data: { repository: repositoryData } };
    });
}

describe('fetchBlobs', () => {
  it('returns text, marks binaries, names missing objects and refetches a truncated blob through REST', async () => {
    const counts: number[] = [];
    graphql(
      {
        aaa: { text: 'hello\n', isBinary: false, isTruncated: false, byteSize: 6, oid: 'aaa' },
        bbb: { text: null, isBinary: true, isTruncated: false, byteSize: 9, oid: 'bbb' },
        ccc: { text: 'partial', isBinary: false, isTruncated: true, byteSize: 900_000, oid: 'ccc' },
        'head:src/tree.ts': {},
      },
      counts,
    );
    nock(API)
      .get('/repos/acme/shop/git/blobs/ccc')
      .reply(200, { sha: 'ccc', encoding: 'base64', content: Buffer.from('whole text\n').toString('base64'), size: 11 });

    const { contents, unread } = await fetchBlobs(octokit, repository, [
      { key: 'aaa', oid: 'aaa' },
      { key: 'bbb', oid: 'bbb' },
      { key: 'ccc', oid: 'ccc' },
      { key: 'ddd', oid: 'ddd' },
      { key: 'head:src/tree.ts', expression: 'head:src/tree.ts' },
    ]);

    expect(contents).toEqual(
      new Map<string, string | Uint8Array>([
        ['aaa', 'hello\n'],
        ['bbb', BINARY_CONTENT],
        ['ccc', 'whole text\n'],
      ]),
    );
    expect(unread).toEqual(
      new Map([
        ['ddd', { reason: 'not-returned' }],
        ['head:src/tree.ts', { reason: 'not-returned' }],
      ]),
    );
    expect(counts).toEqual([5]);
  });

  it('names the blobs of a batch that failed with a server error, and a truncated blob whose REST fetch failed', async () => {
    nock(API).post('/graphql').reply(502, { message: 'Bad Gateway' });
    const failedBatch = await fetchBlobs(octokit, repository, [{ key: 'aaa', oid: 'aaa' }]);
    expect(failedBatch.unread).toEqual(new Map([['aaa', { reason: 'fetch-failed', detail: 'GitHub answered 502 on POST /graphql' }]]));

    graphql({ ccc: { text: 'partial', isBinary: false, isTruncated: true, byteSize: 900_000, oid: 'ccc' } }, []);
    nock(API).get('/repos/acme/shop/git/blobs/ccc').reply(503, { message: 'Service Unavailable' });
    const failedRest = await fetchBlobs(octokit, repository, [{ key: 'ccc', oid: 'ccc' }]);
    expect(failedRest.contents).toEqual(new Map());
    expect(failedRest.unread).toEqual(new Map([['ccc', { reason: 'fetch-failed', detail: 'GitHub answered 503 on GET /repos/acme/shop/git/blobs/ccc' }]]));
  });

  it('lets an authentication failure through, for the job to be retried whole', async () => {
    nock(API).post('/graphql').reply(401, { message: 'Bad credentials' });
    await expect(fetchBlobs(octokit, repository, [{ key: 'aaa', oid: 'aaa' }])).rejects.toMatchObject({ status: 401 });
  });

  it(`asks at most ${MAX_BLOBS_PER_QUERY} blobs, and at most ${MAX_BYTES_PER_QUERY} bytes, per query`, async () => {
    const counts: number[] = [];
    for (let query = 0; query < 3; query++) graphql({}, counts);
    const small = Array.from({ length: MAX_BLOBS_PER_QUERY + 1 }, (_, index) => ({ key: `s${index}`, oid: `s${index}`, size: 10 }));
    const large = [1, 2].map((index) => ({ key: `l${index}`, oid: `l${index}`, size: MAX_BYTES_PER_QUERY / 2 + 1 }));

    await fetchBlobs(octokit, repository, [...small, ...large]);

    expect(counts).toEqual([MAX_BLOBS_PER_QUERY, 2, 1]);
  });

  it('sends nothing when there is nothing to fetch, and asks for a shared blob once', async () => {
    expect(await fetchBlobs(octokit, repository, [])).toEqual({ contents: new Map(), unread: new Map() });
    const counts: number[] = [];
    graphql({ aaa: { text: 'x', isBinary: false, isTruncated: false, byteSize: 1, oid: 'aaa' } }, counts);
    await fetchBlobs(octokit, repository, [
      { key: 'aaa', oid: 'aaa' },
      { key: 'aaa', oid: 'aaa' },
    ]);
    expect(counts).toEqual([1]);
  });
});
