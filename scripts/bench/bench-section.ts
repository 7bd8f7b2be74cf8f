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

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
