import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { enclosingFunction, resolveValue } from './syntax.ts';

/**
 * What a plain name stands for where it is used: the value of its single assignment in the
 * enclosing function (`scheduler = BackgroundScheduler()` inside `create_app`), else the
 * module-level constant, followed through further names. Undefined when the name is bound
 * twice in that function, or not bound by an assignment (a parameter, a loop variable).
 */
export function boundValue(module: PythonModule, name: Node): Node | undefined {
  if (name.type !== 'identifier') return undefined;
  const scope = enclosingFunction(name);
  if (scope) {
    const values = localAssignments(scope, name.text);
    if (values.length > 1) return undefined;
    if (values.length === 1) return resolveValue(module, values[0]!);
    if (declaresLocally(scope, name.text)) return undefined;
  }
  const value = module.constants.get(name.text);
  return value ? resolveValue(module, value) : undefined;
}

/** Right-hand sides of `name = …` directly in `scope` (nested functions and classes excluded). */
function localAssignments(scope: Node, name: string): Node[] {
  const values: Node[] = [];
  for (const assignment of scope.descendantsOfType('assignment')) {
    if (!assignment || enclosingFunction(assignment)?.id !== scope.id) continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type === 'identifier' && left.text === name && right) values.push(right);
    else if (left && left.type !== 'identifier' && left.descendantsOfType('identifier').some((part) => part?.text === name && part.parent?.type !== 'attribute')) {
      return [left, left];
    }
  }
  return values;
}

/** A parameter, a loop target or a `with … as name` of `scope`: bound, but not to a known value. */
function declaresLocally(scope: Node, name: string): boolean {
  const parameters = scope.childForFieldName('parameters');
  if (parameters?.descendantsOfType('identifier').some((parameter) => parameter?.text === name)) return true;
  for (const target of [...scope.descendantsOfType('for_statement'), ...scope.descendantsOfType('as_pattern_target')]) {
    const bound = target?.type === 'for_statement' ? target.childForFieldName('left') : target;
    if (bound?.descendantsOfType('identifier').some((part) => part?.text === name) || bound?.text === name) return true;
  }
  return false;
}
