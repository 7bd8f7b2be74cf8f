import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

/** A repository whose package.json and compose file are broken, beside healthy manifests. */
const files: Readonly<Record<string, string>> = {
  'package.json': `{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.19.2"\n    "pg": "*"\n  }\n}\n`,
  'docker-compose.yml': `services:\n  db:\n    image: postgres:latest\n  cache:\n    image: redis:7\n     ports: ["6379:6379"]\n`,
  Dockerfile: `FROM node:latest\nWORKDIR /app\nCMD ["node", "server.js"]\n`,
  '.env': `PORT=3000\n`,
  'services/worker/package.json': `{\n  "dependencies": {\n    "bullmq": "latest"\n  }\n}\n`,
};

async function reviewAll() {
  return review({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo: new MemoryRepository(files) });
}

describe('malformed manifests', () => {
  it('skips a broken package.json and a broken compose file once each, with the error line', async () => {
    const report = await reviewAll();
    expect(report.skipped).toEqual([
      { path: 'package.json', reason: 'unparsable', detail: expect.stringMatching(/^invalid JSON at line 5: /) },
      { path: 'docker-compose.yml', reason: 'unparsable', detail: expect.stringMatching(/^invalid YAML at line 5: /) },
    ]);
    expect(report.summary.filesSkipped).toBe(2);
    expect(report.summary.filesScanned).toBe(3);
  });

  it('reports nothing in the broken files and still reviews the others', async () => {
    const report = await reviewAll();
    const where = report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`);
    expect(where.filter((at) => at.startsWith('package.json:') || at.startsWith('docker-compose.yml:'))).toEqual([]);
    expect(where).toEqual(
      expect.arrayContaining([
        '.env:1 config/no-committed-env-file',
        'Dockerfile:1 build-release-run/pin-base-image',
        'services/worker/package.json:3 dependencies/no-unpinned-version',
      ]),
    );
  });

  it('does not let a broken manifest elsewhere in the repository break rules that read it', async () => {
    const repo = new MemoryRepository({
      ...files,
      'docker-compose.override.yml': `services:\n  db:\n    image: postgres:16\n`,
      Procfile: `web: npm start\n`,
    });
    const report = await review({
      files: [
        { path: 'Dockerfile', content: `FROM node:22\nCMD npm start\n` },
        { path: 'Procfile', content: `web: npm start\n` },
        { path: 'docker-compose.override.yml', content: `services:\n  db:\n    image: postgres:16\n` },
      ],
      repo,
    });
    expect(report.skipped).toEqual([]);
    expect(report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`)).toEqual(['Dockerfile:2 disposability/signal-forwarding']);
  });
});
