import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The secret-scanning corpus: realistic files holding generated fake credentials and hard negatives. */
export const SECRET_CORPUS_ROOT = fileURLToPath(new URL('../fixtures/secrets/', import.meta.url));

/** Corpus files by repository path (sorted), without `expected.json`. */
export function readSecretCorpus(): Record<string, string> {
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return list(full);
      const relative = path.relative(SECRET_CORPUS_ROOT, full).split(path.sep).join('/');
      return relative === 'expected.json' ? [] : [relative];
    });
  return Object.fromEntries(list(SECRET_CORPUS_ROOT).sort().map((file) => [file, readFileSync(path.join(SECRET_CORPUS_ROOT, file), 'utf8')]));
}
