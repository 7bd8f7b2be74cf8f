import nock from 'nock';
import { examplePayload, startApp } from '../test/support/app-harness.ts';
import { diffEntries, FakeGitHub, HEAD_SHA, MERGE_BASE_SHA, type RepoFiles } from '../test/support/fake-github.ts';

export interface ApiRequests {
  files: number;
  /** Requests of one review, the installation token excepted (GitHub issues it once an hour). */
  requests: { total: number; reads: number; writes: number; graphql: number };
}

const SERVICE = (index: number, port: string) => `import http from 'node:http';

export function start${index}(): http.Server {
  const server = http.createServer((request, response) => response.end('module ${index}'));
  server.listen(${port});
  process.on('SIGTERM', () => server.close());
  return server;
}
`;

/**
 * Runs one review of a synthetic pull request that changes `changedFiles` files (one in ten
 * adds a hard-coded port) through the real App against GitHub mocked by nock, and counts the
 * requests it sends: reads (REST GETs), writes (REST POST/PATCH) and GraphQL queries, which
 * plugin-throttling spaces like writes. Prints nothing.
 */
export async function measureApiRequests(changedFiles: number): Promise<ApiRequests> {
  nock.disableNetConnect();
  try {
    const base: Record<string, string> = { 'package.json': '{ "name": "bench", "private": true }\n' };
    const head: Record<string, string> = { ...base };
    for (let index = 0; index < changedFiles; index++) {
      base[`src/module-${index}.ts`] = SERVICE(index, 'Number(process.env.PORT ?? 3000)');
      head[`src/module-${index}.ts`] = SERVICE(index, index % 10 === 0 ? String(3000 + index) : 'Number(process.env.PORT ?? 8080)');
    }
    const app = await startApp();
    mockReview(base, head);
    await app.receive('pull_request', examplePayload('pull_request', 'opened'));
    const counted = app.requests.filter((request) => !request.path.endsWith('/access_tokens'));
    const graphql = counted.filter((request) => request.path === '/graphql').length;
    const reads = counted.filter((request) => request.method === 'GET').length;
    return { files: changedFiles, requests: { total: counted.length, reads, writes: counted.length - reads - graphql, graphql } };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
  }
}

function mockReview(base: RepoFiles, head: RepoFiles): void {
  const files = diffEntries(base, head);
  new FakeGitHub()
    .token()
    .pull({ changedFiles: files.length })
    .config()
    .compare()
    .files(files)
    .tree(HEAD_SHA, head)
    .tree(MERGE_BASE_SHA, base, { optional: true })
    .blobs({ commit: HEAD_SHA, files: head }, { commit: MERGE_BASE_SHA, files: base })
    .checkRuns()
    .reviewHistory()
    .review();
}
