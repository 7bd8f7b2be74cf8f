import { describe, expect, it } from 'vitest';
import { validateGitHubRequest } from '../support/github-openapi.ts';

const API = 'https://api.github.com';
const annotation = { path: 'src/server.ts', start_line: 4, end_line: 4, annotation_level: 'failure', message: 'Port binding (VII): …' };

describe('the OpenAPI request validator (self-test)', () => {
  it('accepts a check-run update with 50 annotations', () => {
    const body = JSON.stringify({ output: { title: 't', summary: 's', annotations: Array(50).fill(annotation) } });
    expect(validateGitHubRequest({ method: 'PATCH', url: `${API}/repos/o/r/check-runs/1`, body })).toEqual([]);
  });

  it('rejects a batch of 51 annotations', () => {
    const body = JSON.stringify({ output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) } });
    expect(validateGitHubRequest({ method: 'PATCH', url: `${API}/repos/o/r/check-runs/1`, body })).toEqual([
      'PATCH /repos/o/r/check-runs/1: body/output/annotations must NOT have more than 50 items',
    ]);
  });

  it('rejects a misspelt field, even where GitHub would silently ignore it', () => {
    const body = JSON.stringify({ commit_id: 'abc', event: 'COMMENT', body: 'b', comments: [{ path: 'a.ts', body: 'c', lines: 3 }] });
    expect(validateGitHubRequest({ method: 'POST', url: `${API}/repos/o/r/pulls/2/reviews`, body })).toEqual([
      'POST /repos/o/r/pulls/2/reviews: body/comments/0 must NOT have additional properties "lines"',
    ]);
  });

  it('rejects a wrong enum value and a wrong type', () => {
    const body = JSON.stringify({ name: 'n', head_sha: 'abc', status: 'done', started_at: 12 });
    expect(validateGitHubRequest({ method: 'POST', url: `${API}/repos/o/r/check-runs`, body })).not.toEqual([]);
  });

  it('rejects an unknown path and an unknown query parameter', () => {
    expect(validateGitHubRequest({ method: 'GET', url: `${API}/repos/o/r/pull/2/files` })).toEqual([
      'GET /repos/o/r/pull/2/files: no such operation in GitHub\'s REST API description',
    ]);
    expect(validateGitHubRequest({ method: 'GET', url: `${API}/repos/o/r/pulls/2/files?per_page=100&pages=2` })).toEqual([
      'GET /repos/o/r/pulls/2/files: unknown query parameter "pages" for /repos/{owner}/{repo}/pulls/{pull_number}/files',
    ]);
  });

  it('checks GraphQL requests for a query string, on github.com and under GitHub Enterprise Server paths', () => {
    expect(validateGitHubRequest({ method: 'POST', url: `${API}/graphql`, body: JSON.stringify({ query: '{ viewer { login } }' }) })).toEqual([]);
    expect(validateGitHubRequest({ method: 'POST', url: `${API}/graphql`, body: JSON.stringify({ variables: {} }) })).toEqual([
      'POST /graphql: body has no "query" string',
    ]);
    expect(validateGitHubRequest({ method: 'POST', url: 'https://ghe.example.com/api/graphql', body: JSON.stringify({ query: '{ a ' }) })).toEqual([
      'POST /graphql: unbalanced braces in the query',
    ]);
    expect(validateGitHubRequest({ method: 'GET', url: 'https://ghe.example.com/api/v3/repos/o/r/pulls/2' })).toEqual([]);
  });
});
