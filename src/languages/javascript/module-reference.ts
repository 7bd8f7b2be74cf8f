import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { ScriptView } from './script-view.ts';
import { resolveValue, unwrap } from './constants.ts';
import { importsAny, normaliseModule, resolveReference } from './imports.ts';

/**
 * What an expression refers to in terms of modules, following `const` aliases first:
 * `const s = session; s()` and `const store = session.MemoryStore` resolve like the originals.
 */
export function moduleReference(context: ScriptView, expression: Node): { module: string; path: string[] } | undefined {
  const imported = dynamicImport(expression);
  if (imported) return imported;
  const direct = resolveReference(context, expression);
  if (direct) return direct;
  const value = resolveValue(expression);
  return value === expression ? undefined : resolveReference(context, value);
}

/** `import('m')` and `await import('m')` as a value (`fastify.register(import('@fastify/session'))`). */
function dynamicImport(expression: Node): { module: string; path: string[] } | undefined {
  let value = unwrap(expression);
  if (Node.isAwaitExpression(value)) value = unwrap(value.getExpression());
  if (!Node.isCallExpression(value) || value.getExpression().getKind() !== SyntaxKind.ImportKeyword) return undefined;
  const [argument] = value.getArguments();
  return argument && Node.isStringLiteral(argument) ? { module: normaliseModule(argument.getLiteralValue()), path: [] } : undefined;
}

/** True when the file imports, requires or dynamically imports any of `modules` (without `node:`). */
export function usesAnyModule(context: ScriptView, modules: readonly string[]): boolean {
  if (importsAny(context, modules)) return true;
  const dynamic = context.perFile('module-reference:dynamic-imports', () =>
    context
      .ofKind(SyntaxKind.CallExpression)
      .map((call) => dynamicImport(call)?.module)
      .filter((module): module is string => module !== undefined),
  );
  return dynamic.some((module) => modules.includes(module));
}
