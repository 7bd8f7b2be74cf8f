import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { calleeName, dottedName } from './syntax.ts';

/** Calls that end the interpreter at once. `exit`/`quit` count only as the builtins (not imported names). */
const EXIT_CALLEES = new Set(['sys.exit', 'os._exit', 'exit', 'quit']);

/**
 * The calls and `raise SystemExit` statements within `root` that end the process, in source
 * order; code of functions and lambdas nested in `root` runs later, if at all, and is skipped.
 */
export function exitCalls(module: PythonModule, root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.id !== root.id && (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition')) return;
    if (isExit(module, node)) found.push(node);
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return found;
}

/** `sys.exit(…)`, `os._exit(…)`, `exit()`, `quit()`, `raise SystemExit(…)`. */
export function isExit(module: PythonModule, node: Node): boolean {
  if (node.type === 'call') return EXIT_CALLEES.has(calleeName(module, node) ?? '');
  if (node.type !== 'raise_statement') return false;
  const raised = node.namedChild(0);
  const exception = raised?.type === 'call' ? raised.childForFieldName('function') : raised;
  return dottedName(exception) === 'SystemExit';
}
