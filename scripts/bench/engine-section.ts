import { floorTargets, round, targetCheck, targetSize, type BenchContext, type BenchSection, type TargetCheck } from './bench-section.ts';
import { measureRounds, ourReviewReport, toolReport, type ToolReport } from './measure-rounds.ts';
import { readEslintOutput, readParseOutput, readSecretlintOutput } from './tool-outputs.ts';

/** Targets of DESIGN.md (Performance) that only the JS/TS review has. */
const MAX_RATIO_TO_ESLINT = 0.5;

interface SizeReport {
  scriptFiles: number;
  files: number;
  lines: number;
  ours: ToolReport & { engineMs: number; filesScanned: number; filesSkipped: number; findings: number; byRule: Record<string, number> };
  eslint: ToolReport & { filesLinted: number; problems: number; fatalParseErrors: number };
  typescriptParse: ToolReport & { filesParsed: number; filesWithSyntaxErrors: number };
  secretlint: ToolReport & { filesScanned: number; findings: number };
  /** The floor: TypeScript parse of every file plus the secretlint CLI. */
  floorMs: number;
  ratios: { oursToEslint: number; oursToFloor: number };
}

/**
 * The whole review (every rule plus secrets) as a user runs it, side by side with its peers on
 * the same files: ESLint with typescript-eslint's parser and five rules, a TypeScript parse of
 * every file (with secretlint, the floor), and the secretlint CLI.
 */
export const engineSection: BenchSection = {
  name: 'engine',
  async run(context: BenchContext) {
    const notes: string[] = [];
    const sizes: SizeReport[] = [];
    for (const scriptFiles of context.sizes) {
      const repo = context.workspace.repo(scriptFiles);
      context.progress(`engine: ${repo.files} files, ${repo.lines} lines`);
      const { commands } = context;
      const figures = await measureRounds(
        {
          ours: commands.review(repo.dir),
          eslint: commands.eslint(repo.dir),
          typescriptParse: commands.typescriptParse(repo.dir),
          secretlint: commands.secretlint(repo.dir),
        },
        context.runs,
        context.progress,
      );
      const { last: lastOurs, report: oursReport } = ourReviewReport(figures.ours);
      const eslint = readEslintOutput(figures.eslint.outputs.at(-1)!);
      const parse = readParseOutput(figures.typescriptParse.outputs.at(-1)!);
      const secretlint = readSecretlintOutput(figures.secretlint.outputs.at(-1)!);
      if (lastOurs.filesScanned !== repo.files) {
        notes.push(`${scriptFiles}: twelve-factor-review scanned ${lastOurs.filesScanned} of ${repo.files} files (${lastOurs.filesSkipped} skipped)`);
      }
      if (eslint.filesLinted !== repo.scriptFiles || eslint.fatal > 0) {
        notes.push(`${scriptFiles}: ESLint linted ${eslint.filesLinted} of ${repo.scriptFiles} files, ${eslint.fatal} could not be parsed`);
      }
      if (parse.files !== repo.scriptFiles || parse.filesWithErrors > 0) {
        notes.push(`${scriptFiles}: TypeScript parsed ${parse.files} of ${repo.scriptFiles} files, ${parse.filesWithErrors} with syntax errors`);
      }
      const floorMs = figures.typescriptParse.wallMs + figures.secretlint.wallMs;
      sizes.push({
        scriptFiles,
        files: repo.files,
        lines: repo.lines,
        ours: oursReport,
        eslint: {
          ...toolReport(figures.eslint, eslint.filesLinted),
          filesLinted: eslint.filesLinted,
          problems: eslint.problems,
          fatalParseErrors: eslint.fatal,
        },
        typescriptParse: {
          ...toolReport(figures.typescriptParse, parse.files),
          filesParsed: parse.files,
          filesWithSyntaxErrors: parse.filesWithErrors,
        },
        secretlint: {
          ...toolReport(figures.secretlint, secretlint.filesScanned),
          filesScanned: secretlint.filesScanned,
          findings: secretlint.findings,
        },
        floorMs: Math.round(floorMs),
        ratios: {
          oursToEslint: round(figures.ours.wallMs / figures.eslint.wallMs, 3),
          oursToFloor: round(figures.ours.wallMs / floorMs, 3),
        },
      });
    }
    return { runs: context.runs, sizes, targets: targets(sizes), notes };
  },
};

function targets(sizes: readonly SizeReport[]): Record<string, TargetCheck | { skipped: string }> {
  const at = targetSize(sizes.map((size) => size.scriptFiles));
  const judged = sizes.find((size) => size.scriptFiles === at)!;
  return {
    oursToEslint: targetCheck(judged.ratios.oursToEslint, MAX_RATIO_TO_ESLINT, at),
    ...floorTargets(sizes.map((size) => ({ size: size.scriptFiles, wallMs: size.ours.wallMs, peakRssMiB: size.ours.peakRssMiB, oursToFloor: size.ratios.oursToFloor }))),
  };
}
