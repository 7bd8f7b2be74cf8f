import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** How much was parsed, and whether all of it parsed cleanly. */
export interface ParseAllResult {
  files: number;
  lines: number;
  /** Files with at least one syntax error. */
  filesWithErrors: number;
}

/**
 * The performance floor of DESIGN.md: reads every TS/JS file under `root` once and parses it
 * with the TypeScript compiler's parser (`createSourceFile`, no binding, no type checker, no
 * parent pointers) — the least any AST-based review of those files must do.
 */
export function parseAll(root: string): ParseAllResult {
  const result: ParseAllResult = { files: 0, lines: 0, filesWithErrors: 0 };
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const kind = SCRIPT_KINDS[path.extname(entry.name)];
    if (kind === undefined) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
    result.files++;
    result.lines += source.getLineStarts().length;
    // parseDiagnostics is internal but stable: the syntax errors createSourceFile found.
    const diagnostics = (source as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
    if (diagnostics && diagnostics.length > 0) result.filesWithErrors++;
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: node scripts/bench/parse-all.ts DIR\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(parseAll(root))}\n`);
}
