import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import type { ParseAllResult } from './parse-all.ts';

const require = createRequire(import.meta.url);

/**
 * The Python performance floor of DESIGN.md: reads every `.py` file under `root` once and
 * parses it with web-tree-sitter and the `.wasm` tree-sitter-python ships — the grammar and
 * runtime the review itself uses, loaded once, in-process.
 */
export async function parseAllPython(root: string): Promise<ParseAllResult> {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
  const result: ParseAllResult = { files: 0, lines: 0, filesWithErrors: 0 };
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const tree = parser.parse(text);
    result.files++;
    result.lines += text.split('\n').length;
    if (!tree || tree.rootNode.hasError) result.filesWithErrors++;
    tree?.delete();
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: node scripts/bench/parse-all-python.ts DIR\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await parseAllPython(root))}\n`);
}
