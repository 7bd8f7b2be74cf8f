import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/secrets/index.ts';
import type { Finding } from '../../src/engine/finding.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { readSecretCorpus, SECRET_CORPUS_ROOT } from '../support/secret-corpus.ts';

/**
 * The secret-scanning corpus: realistic files (code, YAML, JSON, .env, Dockerfile, compose,
 * properties, Markdown, keys, a test file) holding generated fake credentials of every kind
 * and hard negatives (placeholders, documented examples, hashes, UUIDs, lookups, example
 * files). `expected.json` lists every true secret by path, line and rule, sorted.
 */
interface Expected {
  path: string;
  line: number;
  ruleId: string;
}

const key = (finding: Expected) => `${finding.path}:${finding.line} ${finding.ruleId}`;

describe('secret scanning corpus', async () => {
  const contents = readSecretCorpus();
  const files = Object.keys(contents);
  const expected = JSON.parse(readFileSync(path.join(SECRET_CORPUS_ROOT, 'expected.json'), 'utf8')) as Expected[];
  const report = await review(
    { files: files.map((file) => ({ path: file, content: contents[file]! })), repo: new MemoryRepository(contents) },
    { checks },
  );

  it('lists its secrets sorted, each once', () => {
    const keys = expected.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...expected].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line))).toEqual(expected);
  });

  it('finds every true secret (recall 100%) and nothing else (precision 100%)', () => {
    const actual = new Set(report.findings.map(key));
    const wanted = new Set(expected.map(key));
    const missed = expected.map(key).filter((entry) => !actual.has(entry));
    const extra = report.findings.map(key).filter((entry) => !wanted.has(entry));
    const truePositives = report.findings.length - extra.length;
    const recall = truePositives / expected.length;
    const precision = report.findings.length === 0 ? 1 : truePositives / report.findings.length;
    console.log(
      `secrets corpus: ${files.length} files, ${expected.length} secrets, ${report.findings.length} findings — recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    expect(missed).toEqual([]);
    expect(extra).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('covers every secrets/* rule', () => {
    const covered = new Set(expected.map((entry) => entry.ruleId));
    expect(checks.map((check) => check.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('never shows a secret whole: at most its first 4 characters, and no fix', () => {
    for (const finding of report.findings) {
      const secret = secretText(finding, contents[finding.path]!);
      expect(JSON.stringify(finding), finding.ruleId).not.toContain(secret);
      expect(finding.message, finding.ruleId).not.toContain(secret.slice(0, 5));
      expect(finding.fix).toBeUndefined();
    }
  });
});

/** The flagged text of a finding: the secret on one line, or the longest line of a key block. */
function secretText(finding: Finding, content: string): string {
  const lines = content.split('\n');
  if (finding.line === finding.endLine) return lines[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1);
  return lines.slice(finding.line, finding.endLine - 1).reduce((longest, line) => (line.length > longest.length ? line : longest), '');
}
