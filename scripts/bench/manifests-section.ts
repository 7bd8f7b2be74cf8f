import { floorTargets, round, type BenchContext, type BenchSection, type ReviewAtSize } from './bench-section.ts';
import type { BenchRepo } from './bench-workspace.ts';
import { measureRounds, ourReviewReport, toolReport, type ToolReport } from './measure-rounds.ts';
import { readParseOutput, readSecretlintOutput } from './tool-outputs.ts';

interface StyleReport {
  manifests: number;
  files: number;
  lines: number;
  ours: ToolReport & { engineMs: number; filesScanned: number; filesSkipped: number; findings: number; byRule: Record<string, number> };
  /** The engine's own time per manifest file, start-up excluded. */
  engineMsPerManifest: number;
  yamlParse: ToolReport & { filesParsed: number; filesWithParseErrors: number };
  secretlint: ToolReport & { filesScanned: number; findings: number };
  /** The floor: a `yaml` parse of every YAML file plus the secretlint CLI. */
  floorMs: number;
  ratios: { oursToFloor: number };
}

/**
 * The cost of reading Kubernetes configuration (RULES-kubernetes.md): the whole review of
 * repositories of plain manifests and of Helm charts, as a user runs the CLI, against a floor
 * measured side by side — the `yaml` library parsing every YAML file once, plus the secretlint
 * CLI. DESIGN.md sets its floor targets for JS/TS and Python; they are applied here alike.
 */
export const manifestsSection: BenchSection = {
  name: 'manifests',
  async run(context: BenchContext) {
    const notes: string[] = [];
    const result: Record<'plain' | 'helm', { sizes: StyleReport[]; targets: ReturnType<typeof floorTargets> }> = {
      plain: { sizes: [], targets: {} },
      helm: { sizes: [], targets: {} },
    };
    for (const style of ['plain', 'helm'] as const) {
      for (const manifests of context.sizes) {
        const repo = context.workspace.manifestRepo(manifests, style);
        context.progress(`manifests (${style}): ${repo.files} files, ${repo.lines} lines`);
        result[style].sizes.push(await measureStyle(context, repo, style, notes));
      }
      result[style].targets = floorTargets(result[style].sizes.map(reviewAtSize));
    }
    return { runs: context.runs, ...result, notes };
  },
};

async function measureStyle(context: BenchContext, repo: BenchRepo, style: 'plain' | 'helm', notes: string[]): Promise<StyleReport> {
  const { commands } = context;
  const figures = await measureRounds(
    { ours: commands.review(repo.dir), yamlParse: commands.yamlParse(repo.dir), secretlint: commands.secretlint(repo.dir) },
    context.runs,
    context.progress,
  );
  const { last: lastOurs, report: oursReport } = ourReviewReport(figures.ours);
  const parse = readParseOutput(figures.yamlParse.outputs.at(-1)!);
  const secretlint = readSecretlintOutput(figures.secretlint.outputs.at(-1)!);
  if (lastOurs.filesSkipped > 0 || lastOurs.filesScanned !== repo.files) {
    notes.push(`${style} ${repo.scriptFiles}: twelve-factor-review scanned ${lastOurs.filesScanned} of ${repo.files} files (${lastOurs.filesSkipped} skipped)`);
  }
  const floorMs = figures.yamlParse.wallMs + figures.secretlint.wallMs;
  return {
    manifests: repo.scriptFiles,
    files: repo.files,
    lines: repo.lines,
    ours: oursReport,
    engineMsPerManifest: round(oursReport.engineMs / repo.scriptFiles, 2),
    yamlParse: { ...toolReport(figures.yamlParse, parse.files), filesParsed: parse.files, filesWithParseErrors: parse.filesWithErrors },
    secretlint: { ...toolReport(figures.secretlint, secretlint.filesScanned), filesScanned: secretlint.filesScanned, findings: secretlint.findings },
    floorMs: Math.round(floorMs),
    ratios: { oursToFloor: round(figures.ours.wallMs / floorMs, 3) },
  };
}

function reviewAtSize(size: StyleReport): ReviewAtSize {
  return { size: size.manifests, wallMs: size.ours.wallMs, peakRssMiB: size.ours.peakRssMiB, oursToFloor: size.ratios.oursToFloor };
}
