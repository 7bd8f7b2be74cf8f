import { describe, expect, it } from 'vitest';
import type { ChangedFile, Changeset } from '../../src/engine/changeset.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

function changeset(head: Record<string, string>, base: Record<string, string>, added: Record<string, ChangedFile['added']>): Changeset {
  return {
    files: Object.keys(added).map((path) => ({ path, content: head[path]!, added: added[path] })),
    repo: new MemoryRepository(head),
    base: { repo: new MemoryRepository(base) },
  };
}

describe('start commands in diff mode', () => {
  it('reports, as new, a migration in an unchanged script that a changed Dockerfile now runs', async () => {
    const entrypoint = '#!/bin/bash -e\n./bin/rails db:migrate\nexec "$@"\n';
    const base = { Dockerfile: 'FROM ruby:3.3.5\nWORKDIR /rails\nCOPY . .\nCMD ["./bin/rails", "server"]\n', 'bin/docker-entrypoint': entrypoint };
    const head = { ...base, Dockerfile: 'FROM ruby:3.3.5\nWORKDIR /rails\nCOPY . .\nENTRYPOINT ["/rails/bin/docker-entrypoint"]\nCMD ["./bin/rails", "server"]\n' };
    const report = await review(changeset(head, base, { Dockerfile: [[4, 4]] }));
    expect(report.findings.filter((finding) => finding.ruleId === 'admin-processes/no-migrate-in-web').map((finding) => [finding.path, finding.line, finding.status])).toEqual([
      ['bin/docker-entrypoint', 2, 'new'],
    ]);
  });
});

describe('a start script that could not be read', () => {
  it('withholds the start-command findings and names the script, rather than calling the start path clean', async () => {
    const dockerfile = 'FROM python:3.12.5\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\n';
    const repo = new MemoryRepository({ Dockerfile: dockerfile }, [{ path: 'docker-entrypoint.sh', reason: 'fetch-failed', detail: 'HTTP 502' }]);
    const report = await review({ files: [{ path: 'Dockerfile', content: dockerfile }], repo });
    expect(report.unreadRepositoryFiles).toEqual([
      expect.objectContaining({ path: 'docker-entrypoint.sh', rules: expect.arrayContaining(['admin-processes/no-migrate-in-web', 'build-release-run/no-build-at-start']) }),
    ]);
  });
});

describe('command detectors of rules that otherwise judge one file', () => {
  it('report, as new, a pid file and a log file in an unchanged script that a changed Procfile now starts', async () => {
    const script = '#!/bin/sh\nexec gunicorn app:app --pid /tmp/web.pid --access-logfile /var/log/access.log\n';
    const base = { Procfile: 'web: gunicorn app:app\n', 'scripts/launch': script };
    const head = { ...base, Procfile: 'web: sh scripts/launch\n' };
    const report = await review(changeset(head, base, { Procfile: [[1, 1]] }));
    expect(report.findings.filter((finding) => finding.path === 'scripts/launch').map((finding) => [finding.line, finding.ruleId, finding.status])).toEqual([
      [2, 'concurrency/no-pid-file', 'new'],
      [2, 'logs/no-file-logging', 'new'],
    ]);
  });

  it('leave the rule\'s code findings to the changed files', async () => {
    const server = "import http from 'node:http';\nhttp.createServer().listen(3000);\n";
    const base = { 'src/server.ts': server, 'src/other.ts': 'export {};\n' };
    const head = { ...base, 'src/other.ts': 'export const x = 1;\n' };
    const report = await review(changeset(head, base, { 'src/other.ts': [[1, 1]] }));
    expect(report.findings.filter((finding) => finding.ruleId === 'port-binding/no-hardcoded-port')).toEqual([]);
  });
});
