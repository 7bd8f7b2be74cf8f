import type { Node } from 'web-tree-sitter';
import { nodesOfType } from './module.ts';
import type { PythonModule } from './module.ts';

/**
 * The function a name refers to within a module: the one definition of that name (at any depth:
 * a handler nested in `main()` is found too). Undefined when none or several share the name.
 */
export function functionNamed(module: PythonModule, name: string): Node | undefined {
  let found: Node | undefined;
  for (const definition of nodesOfType(module, 'function_definition')) {
    if (definition?.childForFieldName('name')?.text !== name) continue;
    if (found) return undefined;
    found = definition;
  }
  return found;
}
