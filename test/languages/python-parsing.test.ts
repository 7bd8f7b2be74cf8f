import { describe, expect, it } from 'vitest';
import noHardcodedPort from '../../checks/port-binding/no-hardcoded-port/index.ts';
import type { Check } from '../../checks/define-check.ts';
import { CHECKS } from '../../checks/index.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

async function reviewFiles(files: Record<string, string>, checks: readonly Check[] = [noHardcodedPort]) {
  const repo = new MemoryRepository(files);
  return review({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo }, { checks });
}

describe('Python parsing (tree-sitter-python)', () => {
  it('analyses a Python 2 file: the grammar reads print and exec statements', async () => {
    const report = await reviewFiles({
      'legacy/app.py': 'from flask import Flask\napp = Flask(__name__)\nprint "starting"\nexec "x = 1"\napp.run(port=5000)\n',
    });
    expect(report.skipped).toEqual([]);
    expect(report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`)).toEqual([
      'legacy/app.py:5 port-binding/no-hardcoded-port',
    ]);
  });

  it('skips, counts and names a truncated file instead of reviewing half of it', async () => {
    const report = await reviewFiles({ 'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(port=5000,\n' });
    expect(report.findings).toEqual([]);
    expect(report.summary.filesSkipped).toBe(1);
    expect(report.skipped).toEqual([{ path: 'app.py', reason: 'unparsable', detail: expect.stringMatching(/^(syntax error|missing ".+") at \d+:\d+$/) }]);
  });

  it('still scans an unparsable Python file for secrets', async () => {
    const key = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
    const report = await reviewFiles({ 'billing.py': `STRIPE_KEY = "${key}"\ndef broken(:\n` }, CHECKS);
    expect(report.skipped.map((file) => file.reason)).toEqual(['unparsable']);
    expect(report.findings.map((finding) => finding.ruleId)).toContain('secrets/stripe-key');
  });
});
