/**
 * Preloaded into every measured child with `node --import` (see measureProcess): when the
 * process exits it writes its own peak resident set size, `process.resourceUsage().maxRSS`
 * (getrusage's ru_maxrss, in KiB), to the file named by BENCH_RSS_FILE. It reads the
 * kernel's high-water mark of the very process that did the work, so unlike sampling
 * /proc/<pid>/status from outside it cannot miss a short peak, and it works whatever the
 * child is (our CLI, ESLint, secretlint) without touching its code.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
