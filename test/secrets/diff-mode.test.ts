import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/secrets/index.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { githubToken } from '../checks/secrets/fake-secret.ts';

const LEAKED_EARLIER = githubToken('diff-mode-earlier');
const LEAKED_NOW = githubToken('diff-mode-now');

const BASE = [`import { Octokit } from '@octokit/rest';`, `export const legacy = new Octokit({ auth: '${LEAKED_EARLIER}' });`, ''].join('\n');
const HEAD = [
  `import { Octokit } from '@octokit/rest';`,
  `export const legacy = new Octokit({ auth: '${LEAKED_EARLIER}' });`,
  `export const releases = new Octokit({ auth: '${LEAKED_NOW}' });`,
  '',
].join('\n');

describe('secrets in diff mode', () => {
  it('marks a secret on an added line new, and one already in the file existing (it is leaked all the same)', async () => {
    const report = await review(
      {
        files: [{ path: 'src/github.ts', content: HEAD, added: [[3, 3]] }],
        repo: new MemoryRepository({ 'src/github.ts': HEAD }),
        base: { repo: new MemoryRepository({ "src/github.ts": BASE }) },
      },
      { checks },
    );
    expect(report.findings.map(({ ruleId, line, status }) => ({ ruleId, line, status }))).toEqual([
      { ruleId: 'secrets/github-token', line: 2, status: 'existing' },
      { ruleId: 'secrets/github-token', line: 3, status: 'new' },
    ]);
  });
});
