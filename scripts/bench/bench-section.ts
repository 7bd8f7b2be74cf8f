import type { BenchWorkspace } from './bench-workspace.ts';
import type { ToolCommands } from './tool-commands.ts';

/** What every section of `npm run bench` is given. */
export interface BenchContext {
  workspace: BenchWorkspace;
  commands: ToolCommands;
  /** Repository sizes, in TS/JS source files, ascending. */
  sizes: readonly number[];
  /** Runs per measurement; the median is reported. */
  runs: number;
  /** The registered rule ids under `secrets/`. */
  secretRuleIds: readonly string[];
  /** Progress for a human, on stderr. */
  progress(message: string): void;
}

/** One top-level key of the benchmark's JSON document. */
export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<unknown>;
}

/** A measured figure against its target from DESIGN.md (Performance). */
export interface TargetCheck {
  /** The repository size (source files) the figure was taken at. */
  at?: number;
  value: number;
  max: number;
  pass: boolean;
}

export function targetCheck(value: number, max: number, at?: number): TargetCheck {
  return { ...(at === undefined ? {} : { at }), value: round(value, 3), max, pass: value <= max };
}

/** The size targets are judged at: 1,000 files as in DESIGN.md, else the largest measured. */
export function targetSize(sizes: readonly number[]): number {
  return sizes.includes(1000) ? 1000 : Math.max(...sizes);
}

/** Our review at one repository size, as the floor targets judge it. */
export interface ReviewAtSize {
  /** Source files of the repository. */
  size: number;
  wallMs: number;
  peakRssMiB: number | undefined;
  oursToFloor: number;
}

/**
 * The targets every language shares (DESIGN.md, Performance): the review against its floor at
 * the judged size, peak RSS at the heaviest size, and 2,000 files against 1,000.
 */
export function floorTargets(sizes: readonly ReviewAtSize[]): Record<string, TargetCheck | { skipped: string }> {
  const at = targetSize(sizes.map((size) => size.size));
  const judged = sizes.find((size) => size.size === at)!;
  const heaviest = sizes.reduce((most, size) => ((size.peakRssMiB ?? Infinity) > (most.peakRssMiB ?? Infinity) ? size : most));
  const thousand = sizes.find((size) => size.size === 1000);
  const twoThousand = sizes.find((size) => size.size === 2000);
  return {
    oursToFloor: targetCheck(judged.oursToFloor, MAX_RATIO_TO_FLOOR, at),
    peakRssMiB: targetCheck(heaviest.peakRssMiB ?? Infinity, MAX_PEAK_RSS_MIB, heaviest.size),
    growth2000To1000:
      thousand && twoThousand
        ? targetCheck(twoThousand.wallMs / thousand.wallMs, MAX_GROWTH_2000_TO_1000)
        : { skipped: 'needs --sizes to include 1000 and 2000' },
  };
}

/** Targets of DESIGN.md (Performance), the same for JS/TS and Python. */
const MAX_RATIO_TO_FLOOR = 2.5;
const MAX_PEAK_RSS_MIB = 1024;
const MAX_GROWTH_2000_TO_1000 = 2.2;

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
