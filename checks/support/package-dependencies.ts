import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { CheckContext } from '../define-check.ts';

export type DependencySection = 'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies';

/** One `"name": "spec"` entry of a package.json dependency section, with its position. */
export interface DependencyEntry {
  section: DependencySection;
  name: string;
  /** The version specifier; undefined when the value is not a string. */
  spec: string | undefined;
  /** From the start of the key to the end of the value: the dependency's line. */
  range: readonly [number, number];
}

/**
 * A top-level key of the package.json under review (parsed with `context.yaml()`: JSON is
 * YAML, and the nodes keep their offsets). Undefined when absent or the file is not an object.
 */
export function manifestKey(context: CheckContext, key: string): Pair | undefined {
  const root = context.yaml().contents;
  if (!isMap(root)) return undefined;
  return (root as YAMLMap).items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The entries of the given dependency sections, in file order within each section. */
export function dependencyEntries(context: CheckContext, sections: readonly DependencySection[]): DependencyEntry[] {
  const entries: DependencyEntry[] = [];
  for (const section of sections) {
    const pair = manifestKey(context, section);
    if (!pair || !isMap(pair.value)) continue;
    for (const item of pair.value.items) {
      if (!isScalar(item.key) || typeof item.key.value !== 'string' || !item.key.range) continue;
      const value = item.value;
      const spec = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
      const end = isScalar(value) && value.range ? value.range[1] : item.key.range[1];
      entries.push({ section, name: item.key.value, spec, range: [item.key.range[0], end] });
    }
  }
  return entries;
}

/** The offsets of a top-level key itself (`"dependencies"`), for rules that report at it. */
export function keyRange(pair: Pair): readonly [number, number] | undefined {
  return isScalar(pair.key) && pair.key.range ? [pair.key.range[0], pair.key.range[1]] : undefined;
}

/** True when a top-level section is an object with at least one entry. */
export function hasEntries(pair: Pair | undefined): boolean {
  return pair !== undefined && isMap(pair.value) && pair.value.items.length > 0;
}
