import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';

/** How many calls deep helpers of the same module are followed. */
const MAX_DEPTH = 3;

/**
 * `from` and the module-level functions of the same module it calls by name, directly or through
 * each other (bounded depth): a handler and the helpers that do its work.
 */
export function calledFunctions(module: PythonModule, from: Node): Node[] {
  const functions = topLevelFunctions(module);
  const reached: Node[] = [from];
  const seen = new Set<number>([from.id]);
  let frontier = [from];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: Node[] = [];
    for (const fn of frontier) {
      for (const call of fn.descendantsOfType('call')) {
        const callee = call?.childForFieldName('function');
        const target = callee?.type === 'identifier' ? functions.get(callee.text) : undefined;
        if (!target || seen.has(target.id)) continue;
        seen.add(target.id);
        reached.push(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return reached;
}

/** Module-level `def`s by name (decorated ones too); names defined twice are left out. */
function topLevelFunctions(module: PythonModule): Map<string, Node> {
  const byName = new Map<string, Node>();
  const twice = new Set<string>();
  for (const statement of module.root.namedChildren) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'function_definition') continue;
    const name = definition.childForFieldName('name')?.text;
    if (!name) continue;
    if (byName.has(name)) twice.add(name);
    byName.set(name, definition);
  }
  for (const name of twice) byName.delete(name);
  return byName;
}
