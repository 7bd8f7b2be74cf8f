import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/engine/config.ts';
import type { Finding, Report, SkippedFile } from '../../src/engine/finding.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import noHardcodedPort from '../../checks/port-binding/no-hardcoded-port/index.ts';
import { MAX_CHECK_RUN_SUMMARY_LENGTH, MAX_LISTED_FINDINGS, renderCheckSummary, renderCheckTitle } from '../../src/report/markdown.ts';
import { codeSpan, inlineMarkdown } from '../../src/report/markdown-text.ts';
import { aFinding } from '../support/findings.ts';

const finding = aFinding;

function report(findings: Finding[], skipped: SkippedFile[] = [], suppressed = 0): Report {
  return {
    findings,
    skipped,
    suppressed,
    notReviewed: [],
    unlisted: 0,
    unreadRepositoryFiles: [],
    secretsOnly: [],
    summary: { filesScanned: 12, filesSkipped: skipped.length, filesNotReviewed: 0, filesReadByFactorRules: 12, findings: findings.length, byFactor: {}, durationMs: 42 },
  };
}

const logs = (overrides: Partial<Finding> = {}) =>
  finding({ ruleId: 'logs/no-file-logging', factor: 11, severity: 'warning', path: 'src/log.ts', line: 8, message: 'Logs (XI): writes logs to a file; write them to stdout.', ...overrides });

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

describe('renderCheckTitle', () => {
  it('says so when there is nothing new', () => {
    expect(renderCheckTitle(report([]))).toBe('No new issues — 12 of 12 factors clean');
  });

  it('counts new issues by severity and the factors they touch', () => {
    const title = renderCheckTitle(report([finding({ status: 'new' }), logs({ status: 'new' })]));
    expect(title).toBe('2 new issues (1 error, 1 warning) — 10 of 12 factors clean');
  });

  it('uses the singular for one issue', () => {
    expect(renderCheckTitle(report([finding({ status: 'new' })]))).toBe('1 new issue (1 error) — 11 of 12 factors clean');
  });

  it('does not hold existing findings against the change', () => {
    expect(renderCheckTitle(report([finding({ status: 'existing' }), logs({ status: 'existing' })]))).toBe('No new issues — 12 of 12 factors clean');
  });

  it('keeps a factor clean when it only has new notices', () => {
    expect(renderCheckTitle(report([logs({ status: 'new', severity: 'notice' })]))).toBe('1 new issue (1 notice) — 12 of 12 factors clean');
  });

  it('counts every finding as new in a whole-tree report', () => {
    expect(renderCheckTitle(report([finding({}), finding({ line: 9 })]))).toBe('2 new issues (2 errors) — 11 of 12 factors clean');
  });

  it('counts secrets under factor III and suppression diagnostics under no factor', () => {
    const secret = finding({ ruleId: 'secrets/github-token', factor: 3, status: 'new', message: 'Config (III): GitHub token ghp_**** committed.' });
    const diagnostic = finding({ ruleId: 'suppression/missing-reason', factor: 0, severity: 'warning', status: 'new', line: 2 });
    expect(renderCheckTitle(report([secret, diagnostic]))).toBe('2 new issues (1 error, 1 warning) — 11 of 12 factors clean');
  });
});

describe('renderCheckSummary', () => {
  it('renders the scorecard with new and existing counts per factor', () => {
    const secret = finding({ ruleId: 'secrets/aws-access-key', factor: 3, status: 'existing', path: 'config/aws.ts', message: 'Config (III): AWS key AKIA**** committed.' });
    const summary = renderCheckSummary(report([finding({ status: 'new' }), finding({ status: 'existing', line: 20 }), logs({ status: 'new' }), secret]), {
      config: { ...DEFAULT_CONFIG, factorsOff: [8] },
    });
    expect(summary).toContain('| # | Factor | Status | New | Existing |');
    expect(summary).toContain('| I | Codebase | ✅ Clean | 0 | 0 |');
    expect(summary).toContain('| III | Config | ✅ Clean · 🔑 1 secret | 0 | 1 |');
    expect(summary).toContain('| VII | Port binding | ❌ Error | 1 | 1 |');
    expect(summary).toContain('| VIII | Concurrency | ➖ Off | 0 | 0 |');
    expect(summary).toContain('| XI | Logs | ⚠️ Warning | 1 | 0 |');
    expect(summary).toContain('**New:** 2 (1 error, 1 warning) · **Existing:** 2 · **Files:** 12 scanned, 0 skipped');
    expect(summary.startsWith('**❌ Failing** — 1 new finding at or above `error` (`fail_on`).')).toBe(true);
    expect(summary).toContain('### New findings\n- ❌ `src/server.ts:3` Port binding (VII): server listens');
    expect(summary).not.toContain('config/aws.ts');
  });

  it('uses a single findings column for a whole-tree report', () => {
    const summary = renderCheckSummary(report([finding({})]), { config: DEFAULT_CONFIG });
    expect(summary).toContain('| # | Factor | Status | Findings |');
    expect(summary).toContain('| VII | Port binding | ❌ Error | 1 |');
    expect(summary).toContain('### Findings\n');
    expect(summary).not.toContain('Existing');
  });

  it('states the verdict against fail_on', () => {
    const warnings = report([logs({ status: 'new' })]);
    expect(renderCheckSummary(warnings, { config: DEFAULT_CONFIG })).toMatch(/^\*\*✅ Passing\*\* — no new finding at or above `error` \(`fail_on`\); 1 new finding below it\./);
    expect(renderCheckSummary(warnings, { config: { ...DEFAULT_CONFIG, failOn: 'warning' } })).toMatch(/^\*\*❌ Failing\*\* — 1 new finding at or above `warning`/);
    expect(renderCheckSummary(warnings, { config: { ...DEFAULT_CONFIG, failOn: 'never' } })).toMatch(/^\*\*✅ Passing\*\* — `fail_on: never`/);
    expect(renderCheckSummary(report([]), { config: DEFAULT_CONFIG })).toMatch(/^\*\*✅ Passing\*\* — no new issues\./);
  });

  it('summarises the configuration in force', () => {
    const config: Config = {
      ...DEFAULT_CONFIG,
      failOn: 'warning',
      rules: { 'port-binding/no-hardcoded-port': 'warning', 'logs/no-file-logging': 'off' },
      factorsOff: [12, 8],
      ignore: ['examples/**', 'legacy/**'],
      comments: { enabled: true, max: 10, suggestions: false },
      secrets: { allow: ['^test_'] },
    };
    const summary = renderCheckSummary(report([]), { config, configSource: '.github/twelve-factor.yml (default branch)' });
    expect(summary).toContain(
      [
        '### Configuration',
        '',
        'Source: .github/twelve-factor.yml (default branch)',
        '',
        '- `fail_on`: `warning`',
        '- `rules`: `logs/no-file-logging` off, `port-binding/no-hardcoded-port` warning',
        '- `factors` off: VIII. Concurrency, XII. Admin processes',
        '- `ignore`: `examples/**`, `legacy/**`',
        '- `comments`: on, at most 10 per review, suggestions off',
        '- `review_drafts`: drafts are skipped',
        '- `secrets.allow`: 1 pattern',
      ].join('\n'),
    );
    expect(renderCheckSummary(report([]), { config: DEFAULT_CONFIG })).toContain('Source: defaults\n\n- `fail_on`: `error`\n- `rules`: defaults');
  });

  it('notes a capped annotation count and a configuration change only when they apply', () => {
    const findings = report([finding({ status: 'new' })]);
    const noted = renderCheckSummary(findings, { config: DEFAULT_CONFIG, annotations: { posted: 50, total: 120 }, configChangedInPullRequest: true });
    expect(noted).toContain('> ℹ️ **Annotations capped:** 50 of 120 findings are annotated on the changed files');
    expect(noted).toContain('> ⚙️ **Configuration change:** this pull request changes `.github/twelve-factor.yml`.');
    const plain = renderCheckSummary(findings, { config: DEFAULT_CONFIG, annotations: { posted: 1, total: 1 }, configChangedInPullRequest: false });
    expect(plain).not.toContain('Annotations capped');
    expect(plain).not.toContain('Configuration change');
  });

  it('counts skipped files by reason and lists at most 20 of them, surprising reasons first', () => {
    const skipped: SkippedFile[] = [
      { path: 'vendor/a.js', reason: 'vendored' },
      { path: 'src/broken.ts', reason: 'unparsable', detail: 'syntax error at 3:1: <expression> expected' },
      { path: 'data/huge.json', reason: 'too-large', detail: '2000000 bytes' },
      ...Array.from({ length: 22 }, (_, index): SkippedFile => ({ path: `dist/out-${String(index).padStart(2, '0')}.js`, reason: 'generated' })),
    ];
    const summary = renderCheckSummary(report([], skipped), { config: DEFAULT_CONFIG });
    expect(summary).toContain('25 files were not analysed: 1 could not be parsed, 1 over 1 MiB, 22 generated, 1 vendored.');
    expect(summary).toContain('- `src/broken.ts` — could not be parsed: syntax error at 3:1: \\<expression\\> expected\n- `data/huge.json` — over 1 MiB: 2000000 bytes\n- `dist/out-00.js` — generated');
    expect(summary).toContain('- `dist/out-17.js` — generated\n- …and 5 more');
    expect(summary).not.toContain('dist/out-18.js');
  });

  it('stays within GitHub’s limit for a huge report and says what it left out', () => {
    const many = Array.from({ length: 3000 }, (_, index) =>
      finding({ status: 'new', path: `src/generated/module-${index}.ts`, line: index + 1, message: `Port binding (VII): ${'very long explanation '.repeat(40)}${index}` }),
    );
    const summary = renderCheckSummary(report(many), { config: DEFAULT_CONFIG });
    expect(byteLength(summary)).toBeLessThanOrEqual(MAX_CHECK_RUN_SUMMARY_LENGTH);
    expect(summary.match(/^- ❌ /gm)).toHaveLength(MAX_LISTED_FINDINGS);
    expect(summary).toContain(`- …and ${3000 - MAX_LISTED_FINDINGS} more new findings not listed here.`);
    expect(summary).toContain('### Configuration');
  });

  it('shortens long messages in the list', () => {
    const summary = renderCheckSummary(report([finding({ status: 'new', message: `Port binding (VII): ${'é'.repeat(3000)}` })]), { config: DEFAULT_CONFIG });
    expect(summary).toContain(`Port binding (VII): ${'é'.repeat(479)}… <sub>`);
  });

  it('cuts the findings list to fit when the paths are long', () => {
    const long = Array.from({ length: 40 }, (_, index) =>
      finding({ status: 'new', path: `src/${'é/'.repeat(1000)}m${index}.ts`, message: `Port binding (VII): ${'é'.repeat(3000)} ${index}` }),
    );
    const summary = renderCheckSummary(report(long), { config: DEFAULT_CONFIG });
    expect(byteLength(summary)).toBeLessThanOrEqual(MAX_CHECK_RUN_SUMMARY_LENGTH);
    const listed = summary.match(/^- ❌ /gm)?.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(40);
    expect(summary).toContain(`- …and ${40 - listed} more new findings not listed here (the summary is limited to 65,535 characters).`);
    expect(summary).toContain('### Configuration');
  });

  it('never exceeds the limit even when the configuration alone is huge', () => {
    const rules = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`custom/${'x'.repeat(2000)}-${index}`, 'warning' as const]));
    const summary = renderCheckSummary(report([finding({ status: 'new' })]), { config: { ...DEFAULT_CONFIG, rules } });
    expect(byteLength(summary)).toBeLessThanOrEqual(MAX_CHECK_RUN_SUMMARY_LENGTH);
    expect(summary.endsWith('_Summary truncated: GitHub limits it to 65,535 characters._')).toBe(true);
  });

  it('lists at most 50 rule settings', () => {
    const rules = Object.fromEntries(Array.from({ length: 55 }, (_, index) => [`custom/rule-${String(index).padStart(2, '0')}`, 'off' as const]));
    const summary = renderCheckSummary(report([]), { config: { ...DEFAULT_CONFIG, rules } });
    expect(summary).toContain('`custom/rule-49` off, and 5 more\n');
    expect(summary).not.toContain('custom/rule-50');
  });

  it('summarises a real review of a pull request', async () => {
    const server = "import express from 'express';\nconst app = express();\napp.listen(3000);\n";
    const result = await review({
      files: [{ path: 'src/server.ts', content: server, added: 'all' }],
      repo: new MemoryRepository({ 'src/server.ts': server }),
      base: { repo: new MemoryRepository({}) },
    }, { checks: [noHardcodedPort] });
    expect(renderCheckTitle(result)).toBe('1 new issue (1 error) — 11 of 12 factors clean');
    expect(renderCheckSummary(result, { config: DEFAULT_CONFIG })).toContain('- ❌ `src/server.ts:3` Port binding (VII): server listens on hard-coded port 3000');
  });
});

describe('markdown text', () => {
  it('escapes markup and mentions outside code spans and keeps code spans', () => {
    expect(inlineMarkdown('Use `a|b <c>` not <script> *x* for @acme/platform, mail me@example.com')).toBe(
      'Use `a|b <c>` not \\<script\\> \\*x\\* for `@acme/platform`, mail me@example.com',
    );
    expect(inlineMarkdown('a `|` b', { table: true })).toBe('a `\\|` b');
    expect(inlineMarkdown('an unmatched ` tick')).toBe('an unmatched \\` tick');
  });

  it('makes code spans that survive backticks in their content', () => {
    expect(codeSpan('src/a.ts:3')).toBe('`src/a.ts:3`');
    expect(codeSpan('weird`name.ts')).toBe('``weird`name.ts``');
    expect(codeSpan('`start')).toBe('`` `start ``');
  });
});
