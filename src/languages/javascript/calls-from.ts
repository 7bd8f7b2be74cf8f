import type { CallExpression, NewExpression, ts } from 'ts-morph';
import { SyntaxKind, typescript } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { importBindings, normaliseModule } from './imports.ts';

/** A call or `new` expression. */
export type Invocation = CallExpression | NewExpression;

/**
 * Calls and `new` expressions whose callee starts at a binding of one of `modules`
 * (`winston.transports.File`, `createClient`, `cp.exec`, `require('pg').Pool`), in document
 * order, memoised per file. A cheap syntactic filter on the compiler's nodes comes first, so
 * `resolveReference` only runs on calls that can resolve to those modules — most calls of a
 * file never do.
 */
export function callsFrom(context: CheckContext, modules: readonly string[]): readonly Invocation[] {
  return context.perFile(`calls-from:${modules.join('|')}`, () => {
    const roots = new Set(importBindings(context).filter((binding) => modules.includes(binding.module) && !binding.typeOnly).map((binding) => binding.local));
    return callsRootedAt(context, roots, modules);
  });
}

/** Calls and `new` expressions whose callee starts at one of the local names `roots`, or at `require(m)` for m in `modules`. */
export function callsRootedAt(context: CheckContext, roots: ReadonlySet<string>, modules: readonly string[] = []): readonly Invocation[] {
  const found: ts.Node[] = [];
  for (const kind of [SyntaxKind.CallExpression, SyntaxKind.NewExpression]) {
    for (const node of context.compilerNodesOfKind(kind)) {
      const root = calleeRoot((node as ts.CallExpression | ts.NewExpression).expression);
      if (typescript.isIdentifier(root) ? roots.has(root.text) : isRequireOf(root, modules)) found.push(node);
    }
  }
  found.sort((a, b) => a.pos - b.pos || b.end - a.end);
  return found.map((node) => context.wrap(node) as Invocation);
}

/** `a` of `a.b.c`, `a['b']`, `a.b()`, `(a as X).b`; the call itself for `require('m').x`. */
function calleeRoot(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (typescript.isPropertyAccessExpression(current) || typescript.isElementAccessExpression(current) || typescript.isParenthesizedExpression(current) || typescript.isNonNullExpression(current) || typescript.isAsExpression(current)) {
      current = current.expression;
    } else if (typescript.isCallExpression(current) && !isRequire(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

function isRequire(call: ts.CallExpression): boolean {
  return typescript.isIdentifier(call.expression) && call.expression.text === 'require';
}

function isRequireOf(node: ts.Expression, modules: readonly string[]): boolean {
  if (!typescript.isCallExpression(node) || !isRequire(node)) return false;
  const [argument] = node.arguments;
  return argument !== undefined && typescript.isStringLiteral(argument) && modules.includes(normaliseModule(argument.text));
}
