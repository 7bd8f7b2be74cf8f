import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderCheckSummary, renderCheckTitle } from '../../src/report/markdown.ts';
import { renderReviewBody, renderReviewComment } from '../../src/report/review-comment.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import { readSecretCorpus } from '../support/secret-corpus.ts';

/**
 * No output format may contain a whole secret: the secret corpus is reviewed with every rule,
 * as a pull request adding all of it, and every rendering is searched for the exact text each
 * secret finding points at.
 */
describe('masking', async () => {
  const contents = readSecretCorpus();
  const files = Object.keys(contents);
  const report = await review({
    files: files.map((file) => ({ path: file, content: contents[file]!, added: 'all' as const })),
    repo: new MemoryRepository(contents),
    base: { repo: new MemoryRepository({}) },
  });
  const secretFindings = report.findings.filter((finding) => finding.ruleId.startsWith('secrets/'));
  const secrets = secretFindings
    .filter((finding) => finding.line === finding.endLine)
    .map((finding) => contents[finding.path]!.split(/\r?\n/)[finding.line - 1]!.slice(finding.column - 1, finding.endColumn - 1));

  const outputs: Record<string, string> = {
    json: renderJson(report),
    text: renderText(report, { color: false }),
    sarif: renderSarif(report),
    'check-run title': renderCheckTitle(report),
    'check-run summary': renderCheckSummary(report, { config: DEFAULT_CONFIG }),
    'review comments': report.findings.map((finding) => renderReviewComment(finding, { suggestions: true })).join('\n'),
    'review body': renderReviewBody(report, report.findings),
  };

  it('finds the corpus secrets it searches for', () => {
    expect(secretFindings.length).toBeGreaterThan(50);
    expect(secrets.length).toBeGreaterThan(50);
    for (const secret of secrets) expect(secret.length).toBeGreaterThanOrEqual(8);
  });

  for (const [format, output] of Object.entries(outputs)) {
    it(`never prints a whole secret in the ${format}`, () => {
      const leaked = secrets.filter((secret) => output.includes(secret));
      expect(leaked.map((secret) => `${secret.slice(0, 4)}… (${secret.length} chars)`)).toEqual([]);
    });
  }
});
