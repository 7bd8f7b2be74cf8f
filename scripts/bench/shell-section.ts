import { round, type BenchContext, type BenchSection } from './bench-section.ts';
import { measureRounds, ourReviewReport } from './measure-rounds.ts';

/**
 * What reading start commands costs: the whole review (every rule plus secrets) of repositories
 * of shell scripts — entrypoints that Dockerfiles and a Procfile run, and one-off tasks — as
 * engine milliseconds per 1,000 scripts. Shell parsing is tree-sitter-bash, once per script.
 */
export const shellSection: BenchSection = {
  name: 'shell',
  async run(context: BenchContext) {
    const sizes = [];
    for (const scripts of context.sizes) {
      const repo = context.workspace.shellRepo(scripts);
      context.progress(`shell: ${scripts} scripts, ${repo.files} files, ${repo.lines} lines`);
      const figures = await measureRounds({ ours: context.commands.review(repo.dir) }, context.runs, context.progress);
      const { report } = ourReviewReport(figures.ours);
      sizes.push({ scripts, files: repo.files, lines: repo.lines, ours: report, engineMsPer1000Scripts: round((report.engineMs * 1000) / scripts, 1) });
    }
    return { runs: context.runs, sizes };
  },
};
