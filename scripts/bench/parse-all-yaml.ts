import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { ParseAllResult } from './parse-all.ts';

/**
 * The manifests' performance floor: reads every `.yaml`/`.yml` file under `root` once and
 * parses every document with the `yaml` library and node ranges, as the review does — Helm
 * templates as written, which mostly do not parse: what it costs, not what it yields.
 */
export function parseAllYaml(root: string): ParseAllResult {
  const result: ParseAllResult = { files: 0, lines: 0, filesWithErrors: 0 };
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const documents = parseAllDocuments(text, { uniqueKeys: false });
    result.files++;
    result.lines += text.split('\n').length;
    if (Array.isArray(documents) && documents.some((document) => document.errors.length > 0)) result.filesWithErrors++;
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: node scripts/bench/parse-all-yaml.ts DIR\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(parseAllYaml(root))}\n`);
}
