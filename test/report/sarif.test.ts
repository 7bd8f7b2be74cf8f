import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import noHardcodedPort from '../../checks/port-binding/no-hardcoded-port/index.ts';
import type { Finding, Report } from '../../src/engine/finding.ts';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.ts';
import { aFinding, aReport } from '../support/findings.ts';
import { validateSarif } from '../support/sarif-schema.ts';

const validate = validateSarif;

function parse(report: Report, options?: { toolVersion?: string }): Log {
  const text = renderSarif(report, options);
  const log: unknown = JSON.parse(text);
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF 2.1.0 schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log as Log;
}

const emptyReport = () => aReport();

const finding = aFinding;

function handReport(findings: Finding[], skipped: Report['skipped'] = []): Report {
  return {
    findings,
    skipped,
    suppressed: 0,
    notReviewed: [],
    unlisted: 0,
    unreadRepositoryFiles: [],
    secretsOnly: [],
    summary: { filesScanned: 3, filesSkipped: skipped.length, filesNotReviewed: 0, filesReadByFactorRules: 3, findings: findings.length, byFactor: {}, durationMs: 5 },
  };
}

describe('renderSarif', () => {
  it('renders an empty report as a valid log that still documents every rule', () => {
    const log = parse(emptyReport(), { toolVersion: '9.9.9' });
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.name).toBe('twelve-factor-review');
    expect(run.tool.driver.version).toBe('9.9.9');
    const rule = run.tool.driver.rules!.find((descriptor) => descriptor.id === 'port-binding/no-hardcoded-port')!;
    expect(rule.shortDescription?.text).toBe('Server listens on a hard-coded port');
    expect(rule.defaultConfiguration?.level).toBe('error');
    expect(rule.properties?.tags).toEqual(['twelve-factor', 'factor-7', 'port-binding']);
    expect(rule.help?.markdown).toContain('**Fix:** Read the port from the PORT environment variable');
    const ids = run.tool.driver.rules!.map((descriptor) => descriptor.id);
    expect(ids).toContain('suppression/missing-reason');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders a diff-mode review with fixes, baseline states and fingerprints', async () => {
    const server = "import express from 'express';\nconst app = express();\napp.listen(3000);\napp2.listen(4000, () => {\n  console.log('up');\n});\n";
    const report = await review({
      files: [{ path: 'src/server.ts', content: server, added: [[4, 6]] }],
      repo: new MemoryRepository({ 'src/server.ts': server }),
      base: { repo: new MemoryRepository({ 'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n" }) },
    }, { checks: [noHardcodedPort] });
    const log = parse(report);
    const run = log.runs[0]!;
    const results = run.results!;
    expect(results.map((result) => [result.ruleId, result.baselineState, result.locations![0]!.physicalLocation!.region!.startLine])).toEqual([
      ['port-binding/no-hardcoded-port', 'unchanged', 3],
      ['port-binding/no-hardcoded-port', 'new', 4],
    ]);
    const fresh = results[1]!;
    expect(run.tool.driver.rules![fresh.ruleIndex!]!.id).toBe(fresh.ruleId);
    expect(fresh.level).toBe('error');
    expect(fresh.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'src/server.ts', uriBaseId: '%SRCROOT%' });
    expect(fresh.locations![0]!.physicalLocation!.region).toEqual({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 17 });
    expect(fresh.partialFingerprints![FINGERPRINT_KEY]).toBe(report.findings[1]!.fingerprint);
    expect(fresh.fixes).toEqual([
      {
        description: { text: 'Read the port from the environment' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'src/server.ts', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 4, endLine: 4 }, insertedContent: { text: 'app2.listen(Number(process.env.PORT ?? 4000), () => {' } },
            ],
          },
        ],
      },
    ]);
  });

  it('leaves baselineState out of a whole-tree report and maps notice to note', () => {
    const log = parse(handReport([finding({ severity: 'notice' })]));
    const result: Result = log.runs[0]!.results![0]!;
    expect(result.level).toBe('note');
    expect(result).not.toHaveProperty('baselineState');
    expect(result).not.toHaveProperty('fixes');
  });

  it('encodes paths as relative URI references and documents rules it does not know', () => {
    const log = parse(handReport([finding({ ruleId: 'custom/rule', factor: 4, path: 'src/my app/#1 [x].ts', status: 'new' })]));
    const run = log.runs[0]!;
    const result = run.results![0]!;
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/my%20app/%231%20%5Bx%5D.ts');
    expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe('custom/rule');
    expect(run.tool.driver.rules![result.ruleIndex!]!.properties?.tags).toEqual(['twelve-factor', 'factor-4', 'backing-services']);
  });

  it('never attaches a fix to a secret finding and tags secret rules for security', () => {
    const secret = finding({
      ruleId: 'secrets/github-token',
      factor: 3,
      message: 'Config (III): GitHub token ghp_**** committed; revoke it and read it from the environment.',
      fix: { description: 'Read it from the environment', replacement: "const token = process.env.GITHUB_TOKEN;" },
    });
    const log = parse(handReport([secret]));
    const run = log.runs[0]!;
    const result = run.results![0]!;
    expect(result).not.toHaveProperty('fixes');
    expect(result.properties?.factor).toBe(3);
    const rule = run.tool.driver.rules![result.ruleIndex!]!;
    expect(rule.properties?.tags).toEqual(['twelve-factor', 'factor-3', 'config', 'security', 'secrets']);
    expect(rule.properties?.['security-severity']).toBe('8.0');
  });

  it('reports files that could hide findings as tool notifications', () => {
    const log = parse(
      handReport(
        [],
        [
          { path: 'src/broken.ts', reason: 'unparsable', detail: 'syntax error at 3:1: expression expected' },
          { path: 'data/huge.json', reason: 'too-large', detail: '2000000 bytes' },
          { path: 'vendor/lib.js', reason: 'vendored' },
        ],
      ),
    );
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((notification) => [notification.level, notification.message.text])).toEqual([
      ['warning', 'Not analysed: src/broken.ts could not be parsed (syntax error at 3:1: expression expected).'],
      ['note', 'Not analysed: data/huge.json is over 1 MiB (2000000 bytes).'],
    ]);
  });

  it('is checked by a validator that rejects an invalid log', () => {
    const log = JSON.parse(renderSarif(handReport([finding({})]))) as Log;
    log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startColumn = 0;
    expect(validate(log)).toBe(false);
  });
});
