import type { Node } from 'web-tree-sitter';

/** The decorators above a function or class definition, top to bottom. */
export function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((child): child is Node => child?.type === 'decorator');
}
