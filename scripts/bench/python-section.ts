import type { BenchRepo } from './bench-workspace.ts';
import { floorTargets, round, targetCheck, targetSize, type BenchContext, type BenchSection, type ReviewAtSize } from './bench-section.ts';
import { measureAgainstParseFloor, median, measureRounds, type ToolReport } from './measure-rounds.ts';
import { readReviewOutput } from './tool-outputs.ts';

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
  const measured = await measureAgainstParseFloor(context, repo, context.commands.pythonParse(repo.dir), `${repo.scriptFiles} Python files`, notes);
  if (measured.parse.files !== repo.scriptFiles || measured.parse.filesWithErrors > 0) {
    notes.push(`${repo.scriptFiles}: tree-sitter parsed ${measured.parse.files} of ${repo.scriptFiles} files, ${measured.parse.filesWithErrors} with syntax errors`);
  }
  return {
    pythonFiles: repo.scriptFiles,
    files: repo.files,
    lines: repo.lines,
    ours: measured.ours,
    pythonParse: { ...measured.parse.report, filesParsed: measured.parse.files, filesWithSyntaxErrors: measured.parse.filesWithErrors },
    secretlint: measured.secretlint,
    floorMs: measured.floorMs,
    ratios: { oursToFloor: measured.oursToFloor },
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
