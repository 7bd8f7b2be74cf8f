import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchSection } from './bench-section.ts';

/** DESIGN.md (Performance): API requests per review, printed for these PR sizes. */
const PR_SIZES = [10, 300, 3000] as const;

const MODULE = new URL('../bench-api.ts', import.meta.url);

type MeasureApiRequests = (changedFiles: number) => Promise<unknown>;

/**
 * GitHub API requests per review, counted against nock by `scripts/bench-api.ts` (written with
 * the GitHub App). Skipped, saying why, while that module does not exist.
 */
export const apiSection: BenchSection = {
  name: 'api',
  async run(context: BenchContext) {
    if (!existsSync(fileURLToPath(MODULE))) return { skipped: 'scripts/bench-api.ts not present' };
    const loaded = (await import(MODULE.href)) as { measureApiRequests?: MeasureApiRequests };
    if (typeof loaded.measureApiRequests !== 'function') {
      return { skipped: 'scripts/bench-api.ts does not export measureApiRequests(changedFiles)' };
    }
    const reviews = [];
    for (const changedFiles of PR_SIZES) {
      context.progress(`api: ${changedFiles}-file PR`);
      reviews.push(await loaded.measureApiRequests(changedFiles));
    }
    return { reviews };
  },
};
