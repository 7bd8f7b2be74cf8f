import { SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { defineCheck, type Check } from '../../checks/define-check.ts';
import noHardcodedPort from '../../checks/port-binding/no-hardcoded-port/index.ts';
import type { ChangedFile, Changeset } from '../../src/engine/changeset.ts';
import { DEFAULT_CONFIG, type Config } from '../../src/engine/config.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

/** Reports every `debugger` statement: a minimal AST rule for engine tests. */
const noDebugger = defineCheck({
  id: 'processes/test-no-debugger',
  meta: {
    factor: 6,
    severity: 'warning',
    title: 'debugger',
    description: 'test rule',
    fix: 'remove it',
    messages: { found: 'Processes (VI): debugger statement.' },
  },
  detectors: [{
    kinds: ['javascript'],
    needs: 'ts-morph',
    detect(context) {
      for (const statement of context.ofKind(SyntaxKind.DebuggerStatement)) context.report({ node: statement, messageId: 'found' });
    },
  }],
});

/** Reports the word TOKEN anywhere, tests included, like a secret rule. */
const tokenWord = defineCheck({
  id: 'secrets/test-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'token',
    description: 'test rule',
    fix: 'rotate it',
    includeTests: true,
    messages: { found: 'Config (III): TOKEN found.' },
  },
  detectors: [{
    kinds: 'all',
    needs: 'text',
    detect(context) {
      for (const match of context.text.matchAll(/TOKEN/g)) context.report({ range: [match.index, match.index + 5], messageId: 'found' });
    },
  }],
});

/** Reports `listen` calls once per repository unless some file mentions SIGTERM. */
const repositoryLevel = defineCheck({
  id: 'disposability/test-missing-handler',
  meta: {
    factor: 9,
    severity: 'warning',
    title: 'handler',
    description: 'test rule',
    fix: 'handle SIGTERM',
    scope: 'repository',
    messages: { missing: 'Disposability (IX): nothing handles SIGTERM.' },
  },
  detectors: [{
    kinds: ['javascript'],
    needs: 'ts-morph',
    detect(context) {
      const handled = context.perRun('handled', () => context.repo.paths().some((p) => context.repo.read(p)?.includes('SIGTERM')));
      if (handled) return;
      for (const call of context.ofKind(SyntaxKind.CallExpression)) {
        if (call.getExpression().getText().endsWith('.listen')) context.report({ node: call, messageId: 'missing' });
      }
    },
  }],
});

const CHECKS: readonly Check[] = [noDebugger, tokenWord, repositoryLevel, noHardcodedPort];
const FILE_CHECKS: readonly Check[] = [noDebugger, tokenWord, noHardcodedPort];

async function scan(files: Record<string, string | Uint8Array>, config: Partial<Config> = {}) {
  const changed: ChangedFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const repo = new MemoryRepository(Object.fromEntries(changed.map((f) => [f.path, typeof f.content === 'string' ? f.content : undefined])));
  return review({ files: changed, repo }, { checks: FILE_CHECKS, config: { ...DEFAULT_CONFIG, ...config } });
}

describe('review: skipped files', () => {
  it('skips vendored, generated, binary, huge and ignored files, counting each with its reason', async () => {
    const report = await scan(
      {
        'src/ok.ts': 'debugger;',
        'node_modules/x/index.js': 'debugger;',
        'vendor/lib.js': 'debugger;',
        'dist/app.js': 'debugger;',
        'public/app.min.js': 'debugger;',
        'src/app.js.map': '{}',
        'assets/logo.png': new Uint8Array([0x89, 0x50, 0x00, 0x47]),
        'src/huge.ts': `// ${'x'.repeat(1024 * 1024)}`,
        'examples/demo.ts': 'debugger;',
      },
      { ignore: ['examples/**'] },
    );
    expect(report.findings.map((f) => f.path)).toEqual(['src/ok.ts']);
    expect(report.summary.filesScanned).toBe(1);
    expect(report.summary.filesSkipped).toBe(8);
    expect(Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]))).toEqual({
      'node_modules/x/index.js': 'vendored',
      'vendor/lib.js': 'vendored',
      'dist/app.js': 'generated',
      'public/app.min.js': 'generated',
      'src/app.js.map': 'generated',
      'assets/logo.png': 'binary',
      'src/huge.ts': 'too-large',
      'examples/demo.ts': 'ignored',
    });
  });

  it('skips and counts an unparsable script with the error location, and goes on', async () => {
    const report = await scan({ 'src/broken.ts': 'const = ;\nfunction (', 'src/fine.ts': 'debugger;' });
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['src/fine.ts:1']);
    expect(report.skipped).toEqual([{ path: 'src/broken.ts', reason: 'unparsable', detail: expect.stringMatching(/^syntax error at 1:\d+: /) }]);
    expect(report.summary).toMatchObject({ filesScanned: 1, filesSkipped: 1 });
  });

  it('exempts test code from factor rules but not from secret rules', async () => {
    const report = await scan({ 'test/app.test.ts': 'debugger; // TOKEN', 'src/__tests__/x.ts': 'debugger;' });
    expect(report.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['test/app.test.ts secrets/test-token']);
  });
});

describe('review: suppressions', () => {
  it('honours a next-line suppression with a reason', async () => {
    const report = await scan({ 'src/a.ts': '// twelve-factor-ignore-next-line processes/test-no-debugger -- kept for the demo\ndebugger;\ndebugger;' });
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['processes/test-no-debugger:3']);
    expect(report.suppressed).toBe(1);
  });

  it('reports a suppression without a reason and does not honour it', async () => {
    const report = await scan({ 'src/a.ts': 'const x = 1;\n// twelve-factor-ignore-next-line processes/test-no-debugger\ndebugger;' });
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}:${f.severity}`)).toEqual([
      'suppression/missing-reason:2:warning',
      'processes/test-no-debugger:3:warning',
    ]);
  });

  it('honours a file-level suppression in the first lines, for a rule family too', async () => {
    const report = await scan({ 'src/a.ts': '/* twelve-factor-ignore-file secrets/* -- fixture values */\nconst a = "TOKEN";\nconst b = "TOKEN";' });
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toBe(2);
  });

  it('reports a suppression naming an unknown rule, suggesting the nearest id', async () => {
    const report = await scan({ 'src/a.ts': '// twelve-factor-ignore-next-line port-binding/no-hardcodd-port -- legacy\napp.listen(3000);' });
    expect(report.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['suppression/unknown-rule', 1, 'Suppression names unknown rule "port-binding/no-hardcodd-port"; did you mean port-binding/no-hardcoded-port?'],
      ['port-binding/no-hardcoded-port', 2, expect.any(String)],
    ]);
  });

  it('ignores directive words that are not a comment of their own line (strings, trailing text)', async () => {
    const report = await scan({
      'src/a.ts': "const text = '// twelve-factor-ignore-next-line processes/test-no-debugger';\ndebugger;\nfoo(); // twelve-factor-ignore-next-line processes/test-no-debugger -- trailing\ndebugger;",
    });
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['processes/test-no-debugger:2', 'processes/test-no-debugger:4']);
    expect(report.suppressed).toBe(0);
  });

  it('uses # comments in hash-comment files', async () => {
    const report = await scan({ 'config.yml': '# twelve-factor-ignore-next-line secrets/test-token -- documented example\nkey: TOKEN\nother: TOKEN\n' });
    expect(report.findings.map((f) => f.line)).toEqual([3]);
  });
});

describe('review: configuration', () => {
  it('switches rules and whole factors off and changes severities', async () => {
    const files = { 'src/a.ts': 'debugger;\napp.listen(3000);\n// TOKEN' };
    const report = await scan(files, { rules: { 'port-binding/no-hardcoded-port': 'notice' }, factorsOff: [6] });
    expect(report.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['port-binding/no-hardcoded-port:notice', 'secrets/test-token:error']);
    const noSecrets = await scan(files, { rules: { 'secrets/*': 'off' } });
    expect(noSecrets.findings.map((f) => f.ruleId)).toEqual(['processes/test-no-debugger', 'port-binding/no-hardcoded-port']);
  });
});

describe('review: fingerprints', () => {
  it('keeps a fingerprint when unrelated lines move, and tells repeated lines apart', async () => {
    const before = await scan({ 'src/a.ts': 'debugger;\nconst x = 1;\ndebugger;' });
    const after = await scan({ 'src/a.ts': '// a new comment\n\nconst y = 2;\ndebugger;\nconst x = 1;\ndebugger;' });
    expect(after.findings.map((f) => f.fingerprint)).toEqual(before.findings.map((f) => f.fingerprint));
    expect(new Set(before.findings.map((f) => f.fingerprint)).size).toBe(2);
    expect(before.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('review: diff mode', () => {
  function changeset(head: Record<string, string>, base: Record<string, string>, added: Record<string, ChangedFile['added']>): Changeset {
    return {
      files: Object.keys(added).map((path) => ({ path, content: head[path]!, added: added[path] })),
      repo: new MemoryRepository(head),
      base: { repo: new MemoryRepository(base) },
    };
  }

  it('marks findings on added lines new and the rest of changed files existing', async () => {
    const head = { 'src/a.ts': 'debugger;\nconst x = 1;\ndebugger;\n// TOKEN' };
    const report = await review(changeset(head, { 'src/a.ts': 'debugger;\n// TOKEN' }, { 'src/a.ts': [[2, 3]] }), { checks: CHECKS });
    expect(report.findings.map((f) => `${f.line}:${f.ruleId}:${f.status}`)).toEqual([
      '1:processes/test-no-debugger:existing',
      '3:processes/test-no-debugger:new',
      '4:secrets/test-token:existing',
    ]);
  });

  it('treats a repository-level finding as new when its fingerprint is absent from the base, even on an untouched line in an unchanged file', async () => {
    const server = 'import express from "express";\nconst app = express();\napp.listen(process.env.PORT);\n';
    const base = { 'src/server.ts': server, 'src/shutdown.ts': 'process.on("SIGTERM", () => server.close());\n' };
    const head = { 'src/server.ts': server, 'src/shutdown.ts': 'export {};\n' };
    const report = await review(changeset(head, base, { 'src/shutdown.ts': [[1, 1]] }), { checks: CHECKS });
    expect(report.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}:${f.status}`)).toEqual([
      'src/server.ts:3:disposability/test-missing-handler:new',
    ]);
  });

  it('does not report a repository-level finding that already existed at the base', async () => {
    const server = 'app.listen(process.env.PORT);\n';
    const report = await review(
      changeset({ 'src/server.ts': server, 'src/util.ts': 'debugger;\n' }, { 'src/server.ts': server, 'src/util.ts': '' }, { 'src/util.ts': 'all' }),
      { checks: CHECKS },
    );
    expect(report.findings.map((f) => `${f.path}:${f.ruleId}:${f.status}`)).toEqual(['src/util.ts:processes/test-no-debugger:new']);
  });
});

describe('review: post-processing', () => {
  const sameFactorA = defineCheck({
    id: 'config/test-general',
    meta: { factor: 3, severity: 'warning', title: 't', description: 'd', fix: 'f', messages: { m: 'Config (III): general.' } },
    detectors: [{ kinds: ['javascript'], needs: 'text', detect: (context) => context.report({ range: [0, 3], messageId: 'm' }) }],
  });
  const sameFactorB = defineCheck({
    id: 'config/test-specific',
    meta: {
      factor: 3, severity: 'notice', title: 't', description: 'd', fix: 'f',
      winsOver: ['config/test-general', 'backing-services/test-url'], messages: { m: 'Config (III): specific.' },
    },
    detectors: [{ kinds: ['javascript'], needs: 'text', detect: (context) => context.report({ range: [4, 6], messageId: 'm' }) }],
  });
  const otherFactor = defineCheck({
    id: 'backing-services/test-url',
    meta: { factor: 4, severity: 'error', title: 't', description: 'd', fix: 'f', messages: { m: 'Backing services (IV): url.' } },
    detectors: [{ kinds: ['javascript'], needs: 'text', detect: (context) => context.report({ range: [0, 3], messageId: 'm' }) }],
  });
  const unfixable = defineCheck({
    id: 'logs/test-unfixable',
    meta: { factor: 11, severity: 'error', title: 't', description: 'd', fix: 'f', messages: { m: 'Logs (XI): x.' } },
    detectors: [{ kinds: ['javascript'], needs: 'text', detect: (context) => context.report({ range: [0, 1], messageId: 'm', fix: { description: 'x', edits: [{ start: 0, end: 1, text: 'y' }] } }) }],
  });

  it('keeps one finding per line and factor, the declared winner even across factors', async () => {
    const files = [{ path: 'src/a.ts', content: 'abc def' }];
    const repo = new MemoryRepository({ 'src/a.ts': 'abc def' });
    const report = await review({ files, repo }, { checks: [sameFactorA, sameFactorB, otherFactor] });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['config/test-specific']);
    const withoutWinner = await review({ files, repo }, { checks: [sameFactorA, otherFactor] });
    expect(withoutWinner.findings.map((f) => f.ruleId)).toEqual(['backing-services/test-url', 'config/test-general']);
  });

  it('lets a winner that covers a construct silence the loser anywhere inside it', async () => {
    const text = 'if (env) {\n  a();\n} else {\n  b();\n}\nafter();';
    const condition = defineCheck({
      id: 'config/test-condition',
      meta: { factor: 3, severity: 'warning', title: 't', description: 'd', fix: 'f', messages: { m: 'Config (III): condition.' } },
      detectors: [{
        kinds: ['javascript'],
        needs: 'text',
        detect: (context) => {
          context.report({ range: [4, 7], messageId: 'm' });
          context.report({ range: [text.indexOf('after'), text.length], messageId: 'm' });
        },
      }],
    });
    const value = defineCheck({
      id: 'dev-prod-parity/test-value',
      meta: {
        factor: 10, severity: 'warning', title: 't', description: 'd', fix: 'f',
        winsOver: ['config/test-condition'], messages: { m: 'Dev/prod parity (X): value.' },
      },
      detectors: [{ kinds: ['javascript'], needs: 'text', detect: (context) => context.report({ range: [text.indexOf('b()'), text.indexOf('b()') + 3], covers: [0, text.indexOf('after') - 1], messageId: 'm' }) }],
    });
    const report = await review({ files: [{ path: 'src/a.ts', content: text }], repo: new MemoryRepository({}) }, { checks: [condition, value] });
    expect(report.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['dev-prod-parity/test-value:4', 'config/test-condition:6']);
  });

  it('refuses a fix from a rule not declared fixable, without crashing the run', async () => {
    const report = await review({ files: [{ path: 'src/a.ts', content: 'x' }], repo: new MemoryRepository({}) }, { checks: [unfixable] });
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([{ path: 'src/a.ts', reason: 'unparsable', detail: expect.stringContaining('not declared fixable') }]);
  });
});
