import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

/*
 * Reading parsed YAML the way manifests need it. Helm templates are read with duplicate keys
 * kept (both branches of an `if`/`else`), so a key may have several pairs: every lookup here
 * answers all of them, in document order.
 */

/** The pairs of `node` (a mapping) whose key is the scalar `key`. */
export function pairsNamed(node: unknown, key: string): Pair<Node, Node | null>[] {
  if (!isMap(node)) return [];
  return (node as YAMLMap<Node, Node | null>).items.filter((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The values of `key` in `node`. */
export function valuesNamed(node: unknown, key: string): (Node | null)[] {
  return pairsNamed(node, key).map((pair) => pair.value);
}

/** The mappings reached from `node` through `path`, one key at a time. */
export function mapsAt(node: unknown, path: readonly string[]): YAMLMap<Node, Node | null>[] {
  let current: unknown[] = [node];
  for (const key of path) current = current.flatMap((parent) => valuesNamed(parent, key));
  return current.filter((candidate): candidate is YAMLMap<Node, Node | null> => isMap(candidate));
}

/** The mappings among the items of the sequences `key` holds in `node`. */
export function mapItems(node: unknown, key: string): YAMLMap<Node, Node | null>[] {
  return valuesNamed(node, key).flatMap((value) => (isSeq(value) ? value.items.filter((item): item is YAMLMap<Node, Node | null> => isMap(item)) : []));
}

/** The text of a scalar (numbers and booleans as written), or undefined for null and collections. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? node.value : String(node.value);
}

/** The text of the first scalar value of `key` in `node`. */
export function textOf(node: unknown, key: string): string | undefined {
  for (const value of valuesNamed(node, key)) {
    const text = scalarText(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The key of a pair as text, when it is a scalar. */
export function keyText(pair: Pair): string | undefined {
  return scalarText(pair.key);
}

/** The character range `[start, end)` of a node, when the parser recorded one. */
export function rangeOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as { range?: readonly [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * Where a finding about a pair sits: its key, through its value when the value ends on the same
 * line (`value: s3cret`); the key alone when the value is a block that runs on.
 */
export function pairRange(pair: Pair, text: string): readonly [number, number] {
  const key = rangeOf(pair.key)!;
  const value = rangeOf(pair.value);
  if (!value || text.slice(key[0], value[1]).includes('\n')) return key;
  return [key[0], value[1]];
}
