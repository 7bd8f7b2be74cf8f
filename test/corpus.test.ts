import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAtLeast, type Finding } from '../src/engine/finding.ts';
import { MemoryRepository } from '../src/engine/repository.ts';
import { review } from '../src/engine/review.ts';

/**
 * The precision corpus (issue 4): small, realistic apps, each in a clean version that must
 * produce no finding at warning or above and a violating version whose findings must equal its
 * `expected.json` exactly. The apps live under test/corpus/ (excluded from test discovery);
 * each version is reviewed as a repository of its own, so its paths are not test paths.
 */
const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const APPS = ['express-api', 'fastify-service', 'nestjs-module', 'bullmq-worker', 'koa-app'] as const;
const EXPECTED = 'expected.json';
/** Issue 4: each violating app shows at least five different rules. */
const MIN_RULES_PER_APP = 5;

interface ExpectedFinding {
  path: string;
  line: number;
  ruleId: string;
}

/** Every file of one app version, keyed by its path relative to the version's root. */
function readVersion(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative === EXPECTED) continue;
    files.set(relative, readFileSync(path.join(root, relative), 'utf8'));
  }
  return files;
}

async function reviewVersion(app: string, version: 'clean' | 'violating'): Promise<Finding[]> {
  const files = readVersion(path.join(CORPUS, app, version));
  const report = await review({
    files: [...files].map(([filePath, content]) => ({ path: filePath, content })),
    repo: new MemoryRepository(files),
  });
  expect(report.skipped, `${app}/${version}: no file may be skipped`).toEqual([]);
  return report.findings;
}

function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function describeFinding(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} — ${finding.message}`;
}

describe('precision corpus', () => {
  for (const app of APPS) {
    describe(app, () => {
      it('clean version: no finding at warning or above', async () => {
        const findings = await reviewVersion(app, 'clean');
        const alarms = findings.filter((finding) => isAtLeast(finding.severity, 'warning')).map(describeFinding);
        expect(alarms, `false alarms in ${app}/clean:\n${alarms.join('\n')}`).toEqual([]);
      });

      it('violating version: exactly the expected findings', async () => {
        const expected = JSON.parse(
          readFileSync(path.join(CORPUS, app, 'violating', EXPECTED), 'utf8'),
        ) as ExpectedFinding[];
        expect(expected, `${app}/violating/${EXPECTED} must be sorted`).toEqual([...expected].sort(byPosition));
        expect(new Set(expected.map((finding) => finding.ruleId)).size).toBeGreaterThanOrEqual(MIN_RULES_PER_APP);

        const findings = await reviewVersion(app, 'violating');
        const actual = findings
          .map((finding): ExpectedFinding => ({ path: finding.path, line: finding.line, ruleId: finding.ruleId }))
          .sort(byPosition);
        expect(actual, `findings in ${app}/violating:\n${findings.map(describeFinding).join('\n')}`).toEqual(expected);
      });
    });
  }
});
