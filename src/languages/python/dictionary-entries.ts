import type { Node } from 'web-tree-sitter';
import { stringValue } from './syntax.ts';

/** One `"key": value` pair of a dict literal. */
export interface DictionaryEntry {
  readonly pair: Node;
  readonly key: Node;
  readonly value: Node;
}

/**
 * The string-keyed entries of a dict literal (`{"class": "…"}`), by key; a key written twice keeps its last value, as Python does. Empty for anything
 * that is not a dict literal.
 */
export function dictionaryEntries(node: Node | null | undefined): ReadonlyMap<string, DictionaryEntry> {
  const entries = new Map<string, DictionaryEntry>();
  if (node?.type !== 'dictionary') return entries;
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = stringValue(key);
    if (key && value && name !== undefined) entries.set(name, { pair, key, value });
  }
  return entries;
}
