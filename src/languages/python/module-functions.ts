import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { calleeName } from './syntax.ts';

/**
 * The functions other modules can call, by the name they call them with: module-level functions
 * (`put`), methods of module-level classes (`Store.put`), and methods of a module-level instance
 * of such a class (`store.put` for `store = Store()`).
 */
export function moduleFunctions(module: PythonModule): ReadonlyMap<string, Node> {
  const functions = new Map<string, Node>();
  const classes = new Map<string, Node[]>();
  for (const statement of module.root.namedChildren) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = definition?.childForFieldName('name')?.text;
    if (!definition || name === undefined) continue;
    if (definition.type === 'function_definition') functions.set(name, definition);
    else if (definition.type === 'class_definition') {
      const methods = methodsOf(definition);
      classes.set(name, methods);
      for (const method of methods) functions.set(`${name}.${method.childForFieldName('name')!.text}`, method);
    }
  }
  for (const [name, value] of module.constants) {
    const methods = value.type === 'call' ? classes.get(calleeName(module, value) ?? '') : undefined;
    for (const method of methods ?? []) functions.set(`${name}.${method.childForFieldName('name')!.text}`, method);
  }
  return functions;
}

function methodsOf(definition: Node): Node[] {
  const methods: Node[] = [];
  for (const statement of definition.childForFieldName('body')?.namedChildren ?? []) {
    const method = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (method?.type === 'function_definition' && method.childForFieldName('name')) methods.push(method);
  }
  return methods;
}
