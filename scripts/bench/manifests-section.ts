import { floorTargets, round, type BenchContext, type BenchSection, type ReviewAtSize } from './bench-section.ts';
import type { BenchRepo } from './bench-workspace.ts';
import { measureAgainstParseFloor, type ToolReport } from './measure-rounds.ts';

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
  const measured = await measureAgainstParseFloor(context, repo, context.commands.yamlParse(repo.dir), `${style} ${repo.scriptFiles}`, notes);
  return {
    manifests: repo.scriptFiles,
    files: repo.files,
    lines: repo.lines,
    ours: measured.ours,
    engineMsPerManifest: round(measured.ours.engineMs / repo.scriptFiles, 2),
    yamlParse: { ...measured.parse.report, filesParsed: measured.parse.files, filesWithParseErrors: measured.parse.filesWithErrors },
    secretlint: measured.secretlint,
    floorMs: measured.floorMs,
    ratios: { oursToFloor: measured.oursToFloor },
  };
}

function reviewAtSize(size: StyleReport): ReviewAtSize {
  return { size: size.manifests, wallMs: size.ours.wallMs, peakRssMiB: size.ours.peakRssMiB, oursToFloor: size.ratios.oursToFloor };
}
