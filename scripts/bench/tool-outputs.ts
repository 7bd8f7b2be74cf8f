/** What each tool's JSON output says it did: the sanity checks behind the timings. */

export interface ReviewOutput {
  filesScanned: number;
  filesSkipped: number;
  findings: number;
  /** The engine's own time, start-up excluded. */
  durationMs: number;
  byRule: Record<string, number>;
}

/** Our CLI's `--format json` document (DESIGN.md, Findings). */
export function readReviewOutput(stdout: string): ReviewOutput {
  const document = parseJson(stdout, 'twelve-factor-review') as {
    findings?: { ruleId: string }[];
    summary?: { filesScanned?: number; filesSkipped?: number; findings?: number; durationMs?: number };
  };
  if (!document.summary || !Array.isArray(document.findings)) {
    throw new Error('twelve-factor-review: JSON output has no summary/findings (see DESIGN.md, Findings)');
  }
  const byRule: Record<string, number> = {};
  for (const finding of document.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return {
    filesScanned: document.summary.filesScanned ?? 0,
    filesSkipped: document.summary.filesSkipped ?? 0,
    findings: document.findings.length,
    durationMs: document.summary.durationMs ?? 0,
    byRule,
  };
}

export interface EslintOutput {
  filesLinted: number;
  problems: number;
  /** Files ESLint could not parse: must be 0, or the generator wrote broken code. */
  fatal: number;
}

export function readEslintOutput(stdout: string): EslintOutput {
  const results = parseJson(stdout, 'eslint') as { errorCount: number; warningCount: number; fatalErrorCount?: number }[];
  return {
    filesLinted: results.length,
    problems: results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0),
    fatal: results.reduce((sum, result) => sum + (result.fatalErrorCount ?? 0), 0),
  };
}

export interface SecretlintOutput {
  filesScanned: number;
  findings: number;
}

export function readSecretlintOutput(stdout: string): SecretlintOutput {
  const results = parseJson(stdout, 'secretlint') as { messages: unknown[] }[];
  return {
    filesScanned: results.length,
    findings: results.reduce((sum, result) => sum + result.messages.length, 0),
  };
}

export interface ParseOutput {
  files: number;
  lines: number;
  filesWithErrors: number;
}

export function readParseOutput(stdout: string): ParseOutput {
  return parseJson(stdout, 'typescript parse') as ParseOutput;
}

function parseJson(stdout: string, tool: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`${tool}: output is not JSON: ${stdout.slice(0, 200)}`);
  }
}
