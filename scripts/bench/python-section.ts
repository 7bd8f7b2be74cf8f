import type { BenchRepo } from './bench-workspace.ts';
import { floorTargets, round, targetCheck, targetSize, type BenchContext, type BenchSection, type ReviewAtSize } from './bench-section.ts';
import { median, measureRounds, ourReviewReport, toolReport, type ToolReport } from './measure-rounds.ts';
import { readParseOutput, readReviewOutput, readSecretlintOutput } from './tool-outputs.ts';

/** DESIGN.md (Performance, Python): "a mixed repository costs no more than the sum of its parts". */
const MAX_MIXED_TO_PARTS = 1.0;

interface SizeReport {
  pythonFiles: number;
  files: number;
  lines: number;
  ours: ToolReport & { engineMs: number; filesScanned: number; filesSkipped: number; findings: number; byRule: Record<string, number> };
  pythonParse: ToolReport & { filesParsed: number; filesWithSyntaxErrors: number };
  secretlint: ToolReport & { filesScanned: number; findings: number };
  /** The floor: a tree-sitter parse of every Python file plus the secretlint CLI. */
  floorMs: number;
  ratios: { oursToFloor: number };
}

/**
 * The whole review of synthetic Python repositories (every rule plus secrets, as a user runs the
 * CLI) against its floor measured side by side: web-tree-sitter parsing every file, plus the
 * secretlint CLI on the same files. Then a mixed repository (JS/TS, Python, scripts and
 * manifests) against the sum of its parts reviewed one by one.
 */
export const pythonSection: BenchSection = {
  name: 'python',
  async run(context: BenchContext) {
    const notes: string[] = [];
    const sizes: SizeReport[] = [];
    for (const pythonFiles of context.sizes) {
      const repo = context.workspace.pythonRepo(pythonFiles);
      context.progress(`python: ${repo.files} files, ${repo.lines} lines`);
      sizes.push(await measureSize(context, repo, notes));
    }
    const mixed = await measureMixed(context, targetSize(context.sizes), notes);
    return { runs: context.runs, sizes, mixed, targets: { ...floorTargets(sizes.map(reviewAtSize)), mixedToSumOfParts: mixed.target }, notes };
  },
};

async function measureSize(context: BenchContext, repo: BenchRepo, notes: string[]): Promise<SizeReport> {
  const { commands } = context;
  const figures = await measureRounds(
    { ours: commands.review(repo.dir), pythonParse: commands.pythonParse(repo.dir), secretlint: commands.secretlint(repo.dir) },
    context.runs,
    context.progress,
  );
  const { last: lastOurs, report: oursReport } = ourReviewReport(figures.ours);
  const parse = readParseOutput(figures.pythonParse.outputs.at(-1)!);
  const secretlint = readSecretlintOutput(figures.secretlint.outputs.at(-1)!);
  if (lastOurs.filesScanned !== repo.files) {
    notes.push(`${repo.scriptFiles}: twelve-factor-review scanned ${lastOurs.filesScanned} of ${repo.files} files (${lastOurs.filesSkipped} skipped)`);
  }
  if (parse.files !== repo.scriptFiles || parse.filesWithErrors > 0) {
    notes.push(`${repo.scriptFiles}: tree-sitter parsed ${parse.files} of ${repo.scriptFiles} files, ${parse.filesWithErrors} with syntax errors`);
  }
  const floorMs = figures.pythonParse.wallMs + figures.secretlint.wallMs;
  return {
    pythonFiles: repo.scriptFiles,
    files: repo.files,
    lines: repo.lines,
    ours: oursReport,
    pythonParse: { ...toolReport(figures.pythonParse, parse.files), filesParsed: parse.files, filesWithSyntaxErrors: parse.filesWithErrors },
    secretlint: { ...toolReport(figures.secretlint, secretlint.filesScanned), filesScanned: secretlint.filesScanned, findings: secretlint.findings },
    floorMs: Math.round(floorMs),
    ratios: { oursToFloor: round(figures.ours.wallMs / floorMs, 3) },
  };
}

/**
 * The mixed repository and its three parts, each reviewed by its own CLI run. Wall time counts
 * a process start-up per part (favouring the whole), so the engine's own time is compared too,
 * and the target is judged on that.
 */
async function measureMixed(context: BenchContext, sourceFiles: number, notes: string[]) {
  const { whole, parts } = context.workspace.mixedRepo(sourceFiles);
  context.progress(`python: mixed repository of ${whole.files} files, ${whole.lines} lines`);
  const figures = await measureRounds(
    {
      whole: context.commands.review(whole.dir),
      javascript: context.commands.review(parts.javascript.dir),
      python: context.commands.review(parts.python.dir),
      scriptsAndManifests: context.commands.review(parts.scriptsAndManifests.dir),
    },
    context.runs,
    context.progress,
  );
  const engineMs = (name: keyof typeof figures) => Math.round(median(figures[name].outputs.map((output) => readReviewOutput(output).durationMs)));
  const findings = (name: keyof typeof figures) => readReviewOutput(figures[name].outputs.at(-1)!).findings;
  const partNames = ['javascript', 'python', 'scriptsAndManifests'] as const;
  const partsWallMs = partNames.reduce((sum, name) => sum + figures[name].wallMs, 0);
  const partsEngineMs = partNames.reduce((sum, name) => sum + engineMs(name), 0);
  const partsFindings = partNames.reduce((sum, name) => sum + findings(name), 0);
  if (findings('whole') !== partsFindings) notes.push(`mixed: the whole reported ${findings('whole')} findings, its parts ${partsFindings}`);
  return {
    sourceFiles,
    files: whole.files,
    lines: whole.lines,
    whole: { wallMs: figures.whole.wallMs, engineMs: engineMs('whole'), peakRssMiB: figures.whole.peakRssMiB, findings: findings('whole') },
    parts: Object.fromEntries(
      partNames.map((name) => [name, { files: parts[name].files, wallMs: figures[name].wallMs, engineMs: engineMs(name), peakRssMiB: figures[name].peakRssMiB, findings: findings(name) }]),
    ),
    sumOfParts: { wallMs: Math.round(partsWallMs), engineMs: partsEngineMs },
    ratios: { wholeToPartsWall: round(figures.whole.wallMs / partsWallMs, 3), wholeToPartsEngine: round(engineMs('whole') / partsEngineMs, 3) },
    target: targetCheck(engineMs('whole') / partsEngineMs, MAX_MIXED_TO_PARTS, sourceFiles),
  };
}

function reviewAtSize(size: SizeReport): ReviewAtSize {
  return { size: size.pythonFiles, wallMs: size.ours.wallMs, peakRssMiB: size.ours.peakRssMiB, oursToFloor: size.ratios.oursToFloor };
}
