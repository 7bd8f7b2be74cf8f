import { Node } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { unwrap } from './constants.ts';
import { exportedDeclaration } from './exported-functions.ts';
import { bindingOf } from './imports.ts';
import { localFunction } from './local-function.ts';
import { resolveRelativeScript } from './relative-module.ts';

/** A function or class a call names, and the script declaring it. */
export interface CalleeDeclaration {
  declaration: Node;
  path: string;
}

/**
 * The function or class a callee names (`start` of `start(3000)`, `App` of `new App(3000)`,
 * `server.App` for a namespace import): declared in this file, or exported by a script of the
 * repository imported by a relative path. `mustMention` is a word the declaring script must
 * contain before it is parsed (most imported modules cannot hold what the caller looks for).
 */
export function calleeDeclaration(context: CheckContext, callee: Node, mustMention: string): CalleeDeclaration | undefined {
  const expression = unwrap(callee);
  let local: string;
  let member: string | undefined;
  if (Node.isIdentifier(expression)) {
    local = expression.getText();
    const declared = localFunction(expression) ?? localClass(context, local);
    if (declared) return declared.getText().includes(mustMention) ? { declaration: declared, path: context.path } : undefined;
  } else if (Node.isPropertyAccessExpression(expression) && Node.isIdentifier(unwrap(expression.getExpression()))) {
    local = unwrap(expression.getExpression()).getText();
    member = expression.getName();
  } else return undefined;
  const binding = bindingOf(context, local);
  if (!binding || binding.typeOnly || (member !== undefined && binding.imported !== '*')) return undefined;
  const target = resolveRelativeScript(context.repo, context.path, binding.module);
  if (target === undefined || target === context.path) return undefined;
  const mentions = context.perRun(`mentions:${mustMention}:${target}`, () => context.repo.read(target)?.includes(mustMention) === true);
  if (!mentions) return undefined;
  const sourceFile = context.parseScript(target);
  const path = member ?? (binding.imported === '*' ? '' : binding.imported);
  const declaration = sourceFile && exportedDeclaration(sourceFile, path);
  return declaration ? { declaration, path: target } : undefined;
}

/** A top-level class of this file by name. */
function localClass(context: CheckContext, name: string): Node | undefined {
  return context.ast().getClass(name);
}
