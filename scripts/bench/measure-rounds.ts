import { round } from './bench-section.ts';
import { measureProcess, type ProcessSpec } from './measure-process.ts';
import type { BenchRepo } from './bench-workspace.ts';
import { readParseOutput, readReviewOutput, readSecretlintOutput } from './tool-outputs.ts';

/** One tool's figures over several runs: medians, plus every run's wall time. */
export interface ToolFigures {
  wallMs: number;
  peakRssMiB: number | undefined;
  runsMs: number[];
  /** Standard output of every run, for sanity checks on what the tool did. */
  outputs: string[];
}

/**
 * Runs every tool `runs` times, interleaved (a, b, c, then b, c, a, …) so that a burst of
 * load from other processes on this shared machine spreads over all tools instead of
 * landing on one, and reports the median of each.
 */
export async function measureRounds<K extends string>(
  specs: Readonly<Record<K, ProcessSpec>>,
  runs: number,
  progress: (message: string) => void,
): Promise<Record<K, ToolFigures>> {
  const names = Object.keys(specs) as K[];
  const walls = new Map<K, number[]>(names.map((name) => [name, []]));
  const rss = new Map<K, number[]>(names.map((name) => [name, []]));
  const outputs = new Map<K, string[]>(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const order = [...names.slice(run % names.length), ...names.slice(0, run % names.length)];
    for (const name of order) {
      const measured = await measureProcess(specs[name]);
      walls.get(name)!.push(measured.wallMs);
      if (measured.peakRssMiB !== undefined) rss.get(name)!.push(measured.peakRssMiB);
      outputs.get(name)!.push(measured.stdout);
      progress(`  run ${run + 1}/${runs} ${name}: ${Math.round(measured.wallMs)} ms, ${measured.peakRssMiB?.toFixed(0) ?? '?'} MiB`);
    }
  }
  const figures = {} as Record<K, ToolFigures>;
  for (const name of names) {
    const runsMs = walls.get(name)!.map((ms) => Math.round(ms));
    const peaks = rss.get(name)!;
    figures[name] = {
      wallMs: median(runsMs),
      peakRssMiB: peaks.length > 0 ? Math.round(median(peaks)) : undefined,
      runsMs,
      outputs: outputs.get(name)!,
    };
  }
  return figures;
}

/** What a section prints of one tool at one size. */
export interface ToolReport {
  wallMs: number;
  filesPerSecond: number;
  peakRssMiB: number | undefined;
  runsMs: number[];
}

/** One tool's medians, with its throughput over the `files` it handled. */
export function toolReport(figures: ToolFigures, files: number): ToolReport {
  return { wallMs: figures.wallMs, filesPerSecond: round(files / (figures.wallMs / 1000)), peakRssMiB: figures.peakRssMiB, runsMs: figures.runsMs };
}

/** The median; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Our review at one size: its tool report with the engine's own (median) time and what the last run found. */
export function ourReviewReport(figures: ToolFigures) {
  const outputs = figures.outputs.map(readReviewOutput);
  const last = outputs.at(-1)!;
  return {
    last,
    report: {
      ...toolReport(figures, last.filesScanned),
      engineMs: Math.round(median(outputs.map((output) => output.durationMs))),
      filesScanned: last.filesScanned,
      filesSkipped: last.filesSkipped,
      findings: last.findings,
      byRule: last.byRule,
    },
  };
}

/**
 * Our review of `repo` against its floor, measured side by side: a parse of every source file
 * by `parse` (tree-sitter, `yaml`) plus the secretlint CLI. `label` names the repository in notes.
 */
export async function measureAgainstParseFloor(
  context: { commands: { review(dir: string): ProcessSpec; secretlint(dir: string): ProcessSpec }; runs: number; progress(message: string): void },
  repo: BenchRepo,
  parse: ProcessSpec,
  label: string,
  notes: string[],
) {
  const figures = await measureRounds({ ours: context.commands.review(repo.dir), parse, secretlint: context.commands.secretlint(repo.dir) }, context.runs, context.progress);
  const { last: lastOurs, report: ours } = ourReviewReport(figures.ours);
  const parsed = readParseOutput(figures.parse.outputs.at(-1)!);
  const secretlint = readSecretlintOutput(figures.secretlint.outputs.at(-1)!);
  if (lastOurs.filesSkipped > 0 || lastOurs.filesScanned !== repo.files) {
    notes.push(`${label}: twelve-factor-review scanned ${lastOurs.filesScanned} of ${repo.files} files (${lastOurs.filesSkipped} skipped)`);
  }
  const floorMs = figures.parse.wallMs + figures.secretlint.wallMs;
  return {
    ours,
    parse: { report: toolReport(figures.parse, parsed.files), files: parsed.files, filesWithErrors: parsed.filesWithErrors },
    secretlint: { ...toolReport(figures.secretlint, secretlint.filesScanned), filesScanned: secretlint.filesScanned, findings: secretlint.findings },
    floorMs: Math.round(floorMs),
    oursToFloor: round(figures.ours.wallMs / floorMs, 3),
  };
}
