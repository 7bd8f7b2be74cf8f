import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/finding.ts';
import { MemoryRepository } from '../src/engine/repository.ts';
import { review } from '../src/engine/review.ts';

/**
 * Issue 10: a repository holding a Node API and a Python worker (with their Dockerfiles, a
 * Procfile and a compose file) is reviewed as one. Its exact expected findings are in the
 * corpus (test/corpus/mixed-monorepo/violating/expected.json); this test pins what one review
 * of it must show whatever rules land later: both languages' findings at their lines, and
 * nothing gained or lost by reviewing the languages together.
 */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus', 'mixed-monorepo', 'violating');

function readRepository(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(ROOT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'expected.json') continue;
    const relative = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    files.set(relative, readFileSync(path.join(ROOT, relative), 'utf8'));
  }
  return files;
}

async function findingsOf(files: ReadonlyMap<string, string>): Promise<string[]> {
  const report = await review({
    files: [...files].map(([filePath, content]) => ({ path: filePath, content })),
    repo: new MemoryRepository(new Map(files)),
  });
  expect(report.skipped).toEqual([]);
  return report.findings.map(label);
}

function label(finding: Finding): string {
  return `${finding.path}:${finding.line} ${finding.ruleId}`;
}

/** The files of one part of the repository, with the root's shared files (Procfile, compose). */
function part(files: ReadonlyMap<string, string>, folder: string): Map<string, string> {
  return new Map([...files].filter(([filePath]) => !filePath.includes('/') || filePath.startsWith(`${folder}/`)));
}

describe('a mixed Node + Python repository reviewed as one', () => {
  const files = readRepository();

  it('reports the JS/TS, Python and Dockerfile findings of both services in one review', async () => {
    const findings = await findingsOf(files);

    expect(findings).toEqual(
      expect.arrayContaining([
        'api/Dockerfile:7 disposability/signal-forwarding',
        'api/src/queue.js:6 backing-services/no-hardcoded-service-url',
        'api/src/server.js:18 port-binding/no-hardcoded-port',
        'worker/Dockerfile:1 build-release-run/pin-base-image',
        'worker/webhooks.py:17 port-binding/no-hardcoded-port',
      ]),
    );
  });

  it('finds what reviewing the Node API and the Python worker apart finds, together', async () => {
    const together = await findingsOf(files);
    const apart = [...(await findingsOf(part(files, 'api'))), ...(await findingsOf(part(files, 'worker')))];

    expect(together.length).toBeGreaterThan(0);
    expect([...together].sort()).toEqual([...new Set(apart)].sort());
  });
});
