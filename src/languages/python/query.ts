import type { Node, QueryCapture } from 'web-tree-sitter';
import { TREE_SITTER_GRAMMARS } from '../index.ts';
import { loadedTreeSitterLanguage } from '../tree-sitter.ts';

/**
 * Runs a tree-sitter query (an S-expression pattern, compiled once per process) over a Python
 * tree: patterns as data rather than hand-written walks, where a pattern fits.
 */
export function pythonCaptures(source: string, root: Node): QueryCapture[] {
  return loadedTreeSitterLanguage(TREE_SITTER_GRAMMARS.python!).query(source).captures(root);
}
