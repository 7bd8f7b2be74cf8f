import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAtLeast, type Finding, type Severity } from '../src/engine/finding.ts';
import { MemoryRepository } from '../src/engine/repository.ts';
import { review } from '../src/engine/review.ts';
import { TREE_SITTER_GRAMMARS } from '../src/languages/index.ts';
import { loadTreeSitterLanguage } from '../src/languages/tree-sitter.ts';

/**
 * The precision corpus (issues 4, 10 and 14): small, realistic apps, each in a clean version
 * that must produce no finding (JS/TS apps: none at warning or above; Python, mixed and
 * Kubernetes apps: none at any severity) and a violating version whose findings must equal its
 * `expected.json` exactly.
 * The apps live under test/corpus/ (excluded from test discovery); each version is reviewed as a
 * repository of its own, so its paths are not test paths.
 */
const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
/** Each app with the lowest severity its clean version must not reach. */
const APPS: readonly { name: string; cleanBelow: Severity; python?: true }[] = [
  { name: 'express-api', cleanBelow: 'warning' },
  { name: 'fastify-service', cleanBelow: 'warning' },
  { name: 'nestjs-module', cleanBelow: 'warning' },
  { name: 'bullmq-worker', cleanBelow: 'warning' },
  { name: 'koa-app', cleanBelow: 'warning' },
  // Issue 10: the Python apps' clean versions have no finding at any severity.
  { name: 'flask-app', cleanBelow: 'notice', python: true },
  { name: 'fastapi-service', cleanBelow: 'notice', python: true },
  { name: 'django-project', cleanBelow: 'notice', python: true },
  { name: 'celery-worker', cleanBelow: 'notice', python: true },
  { name: 'mixed-monorepo', cleanBelow: 'notice', python: true },
  // Issue 14: a Node API deployed with a Helm chart, and one deployed with kustomize overlays.
  { name: 'helm-chart-app', cleanBelow: 'notice' },
  { name: 'kustomize-app', cleanBelow: 'notice' },
];
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

/**
 * Every Python file of a version parses without a syntax error, test code included: the review
 * parses only the files some detector reads, and a broken fixture would be skipped silently by
 * rules still to come.
 */
async function unparsablePythonFiles(app: string, version: 'clean' | 'violating'): Promise<string[]> {
  const python = await loadTreeSitterLanguage(TREE_SITTER_GRAMMARS.python!);
  const broken: string[] = [];
  for (const [filePath, content] of readVersion(path.join(CORPUS, app, version))) {
    if (!filePath.endsWith('.py')) continue;
    try {
      python.parse(content).delete();
    } catch (error) {
      broken.push(`${filePath}: ${String(error)}`);
    }
  }
  return broken;
}

function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function describeFinding(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} — ${finding.message}`;
}

describe('precision corpus', () => {
  for (const { name: app, cleanBelow, python } of APPS) {
    describe(app, () => {
      it(`clean version: no finding at ${cleanBelow} or above`, async () => {
        const findings = await reviewVersion(app, 'clean');
        const alarms = findings.filter((finding) => isAtLeast(finding.severity, cleanBelow)).map(describeFinding);
        expect(alarms, `false alarms in ${app}/clean:\n${alarms.join('\n')}`).toEqual([]);
      });

      if (python) {
        it('every Python file parses', async () => {
          expect([...(await unparsablePythonFiles(app, 'clean')), ...(await unparsablePythonFiles(app, 'violating'))]).toEqual([]);
        });
      }

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
