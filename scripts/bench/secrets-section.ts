import { round, targetCheck, targetSize, type BenchContext, type BenchSection } from './bench-section.ts';
import { measureRounds } from './measure-rounds.ts';
import { readReviewOutput, readSecretlintOutput } from './tool-outputs.ts';

/** DESIGN.md (Performance): secret scanning alone ≤ 1.0× the secretlint CLI on the same files. */
const MAX_RATIO_TO_SECRETLINT = 1.0;

/**
 * Our secret scanning alone — the CLI with every rule but `secrets/*` switched off in its
 * config — against the secretlint CLI with the recommended preset, on the same files.
 */
export const secretsSection: BenchSection = {
  name: 'secrets',
  async run(context: BenchContext) {
    const notes: string[] = [];
    if (context.secretRuleIds.length === 0) {
      notes.push('no secrets/* rules are registered yet: "ours" measures the CLI with every rule off');
    }
    const sizes = [];
    for (const scriptFiles of context.sizes) {
      const repo = context.workspace.repo(scriptFiles);
      context.progress(`secrets: ${repo.files} files`);
      const figures = await measureRounds(
        { ours: context.commands.secretsOnly(repo.dir), secretlint: context.commands.secretlint(repo.dir) },
        context.runs,
        context.progress,
      );
      const ours = readReviewOutput(figures.ours.outputs.at(-1)!);
      const secretlint = readSecretlintOutput(figures.secretlint.outputs.at(-1)!);
      const otherRules = Object.keys(ours.byRule).filter((ruleId) => !ruleId.startsWith('secrets/'));
      if (otherRules.length > 0) notes.push(`${scriptFiles}: the secrets-only run still reported ${otherRules.join(', ')}`);
      sizes.push({
        scriptFiles,
        files: repo.files,
        ours: {
          wallMs: figures.ours.wallMs,
          peakRssMiB: figures.ours.peakRssMiB,
          filesScanned: ours.filesScanned,
          findings: ours.findings,
          runsMs: figures.ours.runsMs,
        },
        secretlint: {
          wallMs: figures.secretlint.wallMs,
          peakRssMiB: figures.secretlint.peakRssMiB,
          filesScanned: secretlint.filesScanned,
          findings: secretlint.findings,
          runsMs: figures.secretlint.runsMs,
        },
        oursToSecretlint: round(figures.ours.wallMs / figures.secretlint.wallMs, 3),
      });
    }
    const at = targetSize(context.sizes);
    const judged = sizes.find((size) => size.scriptFiles === at)!;
    return {
      runs: context.runs,
      secretRules: context.secretRuleIds.length,
      sizes,
      target: targetCheck(judged.oursToSecretlint, MAX_RATIO_TO_SECRETLINT, at),
      notes,
    };
  },
};
