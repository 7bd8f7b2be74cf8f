import { describe, expect, it } from 'vitest';
import type { Check } from '../../checks/define-check.ts';
import { DEFAULT_CONFIG, type Config } from '../../src/engine/config.ts';
import type { Finding, Severity } from '../../src/engine/finding.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

/** A file under review, plus (optionally) the rest of the repository around it. */
export interface CheckTestCase {
  /** Shown as the test name; defaults to the code's first line. */
  name?: string;
  code: string;
  /** Repository path of `code`; defaults to `src/app.ts`. */
  filename?: string;
  /** Other files of the repository, for rules that look beyond the reviewed file. */
  files?: Readonly<Record<string, string>>;
  config?: Partial<Config>;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column?: number;
  endLine?: number;
  severity?: Severity;
  /** The suggestion's replacement lines; `null` asserts that there is none. */
  replacement?: string | null;
  /** Text the message must contain (e.g. a masked value). */
  messageIncludes?: string;
}

export interface InvalidCase extends CheckTestCase {
  errors: readonly ExpectedFinding[];
}

/**
 * Runs literal valid/invalid cases through the real engine with just one rule enabled, the way
 * ESLint's RuleTester does: duplicates, invalid cases without errors and unknown message ids
 * are test failures themselves.
 */
export function testCheck(check: Check, cases: { valid: readonly CheckTestCase[]; invalid: readonly InvalidCase[] }): void {
  describe(check.id, () => {
    const seen = new Set<string>();
    for (const testCase of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([testCase.filename, testCase.code, testCase.files]);
      if (seen.has(key)) throw new Error(`${check.id}: duplicate test case ${caseName(testCase)}`);
      seen.add(key);
    }
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(caseName(testCase), async () => {
          const findings = await runCase(check, testCase);
          expect(findings.map(describeFinding)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        if (testCase.errors.length === 0) throw new Error(`${check.id}: invalid case ${caseName(testCase)} expects no error`);
        it(caseName(testCase), async () => {
          const findings = await runCase(check, testCase);
          const actual = findings.map((finding) => project(check, finding, testCase.errors[findings.indexOf(finding)]));
          expect(actual).toEqual(testCase.errors.map((error) => ({ ...error })));
        });
      }
    });
  });
}

function caseName(testCase: CheckTestCase): string {
  return testCase.name ?? `${testCase.filename ?? 'src/app.ts'}: ${testCase.code.trim().split('\n')[0]!.slice(0, 80)}`;
}

async function runCase(check: Check, testCase: CheckTestCase): Promise<Finding[]> {
  const filename = testCase.filename ?? 'src/app.ts';
  const repo = new MemoryRepository({ ...testCase.files, [filename]: testCase.code });
  const report = await review(
    { files: [{ path: filename, content: testCase.code }], repo },
    { checks: [check], config: { ...DEFAULT_CONFIG, ...testCase.config } },
  );
  const skipped = report.skipped.find((file) => file.reason === 'unparsable');
  if (skipped) throw new Error(`${filename} was skipped: ${skipped.detail}`);
  return report.findings.filter((finding) => finding.ruleId === check.id);
}

/** The finding in the shape of its expectation: only the fields the expectation names. */
function project(check: Check, finding: Finding, expected: ExpectedFinding | undefined): Record<string, unknown> {
  const shaped: Record<string, unknown> = { messageId: messageIdOf(check, finding.message), line: finding.line };
  if (expected?.column !== undefined) shaped.column = finding.column;
  if (expected?.endLine !== undefined) shaped.endLine = finding.endLine;
  if (expected?.severity !== undefined) shaped.severity = finding.severity;
  if (expected?.replacement !== undefined) shaped.replacement = finding.fix?.replacement ?? null;
  if (expected?.messageIncludes !== undefined) {
    shaped.messageIncludes = finding.message.includes(expected.messageIncludes) ? expected.messageIncludes : finding.message;
  }
  return shaped;
}

/** Which message template produced `message`; a message no template matches is a failure. */
function messageIdOf(check: Check, message: string): string {
  for (const [id, template] of Object.entries(check.meta.messages)) {
    const pattern = template
      .split(/\{\{\s*\w+\s*\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    if (new RegExp(`^${pattern}$`).test(message)) return id;
  }
  return `<no messageId matches "${message}">`;
}

function describeFinding(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;
}
