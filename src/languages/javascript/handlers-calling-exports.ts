import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { handlersReaching, type HandlerCall, type ImporterCalls, type ModuleCallGraph } from '../handlers-reaching.ts';
import { calledLocalFunctions } from './called-functions.ts';
import { constDeclarationOf, unwrap } from './constants.ts';
import { exportedFunctions } from './exported-functions.ts';
import { importBindings } from './imports.ts';
import { isShadowed } from './is-shadowed.ts';
import { isApplicationScript } from './long-running-sites.ts';
import { resolveRelativeScript } from './relative-module.ts';
import { enclosingHandler, requestHandlers } from './request-handlers.ts';
import { repositoryScript } from './script-view.ts';

/**
 * For each of `keys` — paths of the file under review's exported functions (`exportedFunctions`)
 * — the first request handler of another application script that calls it: directly
 * (`store.put(k, v)`, `put(k, v)`, `this.cartService.add(…)` on an injected service), or through
 * exported functions of the modules in between (bounded). Relative imports only: a package or a
 * path alias is not followed.
 */
export function handlersCallingExports(context: CheckContext, keys: ReadonlySet<string>): ReadonlyMap<string, HandlerCall> {
  return handlersReaching(context, moduleCallGraph(context), keys);
}

/** The repository's scripts, linked by relative imports. */
function moduleCallGraph(context: CheckContext): ModuleCallGraph {
  return {
    language: 'js',
    isApplicationModule: isApplicationScript,
    packageFile: 'index',
    imports(importer, target) {
      const view = repositoryScript(context, importer);
      return view !== undefined && importBindings(view).some((binding) => resolveRelativeScript(context.repo, importer, binding.module) === target);
    },
    callsInto: (importer, target, keys) => callsInto(context, importer, target, keys),
  };
}

function callsInto(context: CheckContext, importer: string, target: string, keys: ReadonlySet<string>): ImporterCalls | undefined {
  const view = repositoryScript(context, importer);
  if (!view) return undefined;
  const prefixes = new Map<string, readonly string[]>();
  for (const binding of importBindings(view)) {
    if (resolveRelativeScript(context.repo, importer, binding.module) !== target) continue;
    prefixes.set(binding.local, binding.imported === '*' ? [] : [binding.imported]);
  }
  const calls = new Map<CallExpression, string>();
  for (const call of view.ofKind(SyntaxKind.CallExpression)) {
    const key = exportCalled(call, prefixes);
    if (key !== undefined && keys.has(key)) calls.set(call, key);
  }
  if (calls.size === 0) return { handlerCalls: [], exportedCallers: new Map() };
  const callsWithin = (fn: Node) => [...calls].filter(([call]) => fn.getStart() <= call.getStart() && call.getEnd() <= fn.getEnd());

  const handlerCalls: { key: string; line: number }[] = [];
  const handlers = requestHandlers(view);
  for (const handler of handlers) {
    if (enclosingHandler(handler, handlers)) continue;
    for (const fn of calledLocalFunctions(handler)) {
      for (const [call, key] of callsWithin(fn)) handlerCalls.push({ key, line: call.getStartLineNumber() });
    }
  }
  const exportedCallers = new Map<string, string>();
  for (const [exportKey, fn] of exportedFunctions(view.ast())) {
    const [first] = calledLocalFunctions(fn).flatMap(callsWithin);
    if (first) exportedCallers.set(exportKey, first[1]);
  }
  return { handlerCalls: handlerCalls.sort((a, b) => a.line - b.line), exportedCallers };
}

/**
 * The export path of the imported module a call names (see `exportedFunctions`): `put()` →
 * `put`, `store.put()` → `put` (namespace) or `default.put` (default import),
 * `service.add()` on `const service = new CartService()` and `this.cart.add()` on an injected
 * `cart: CartService` → `CartService#add`.
 */
function exportCalled(call: CallExpression, prefixes: ReadonlyMap<string, readonly string[]>): string | undefined {
  const names: string[] = [];
  let current = unwrap(call.getExpression());
  while (Node.isPropertyAccessExpression(current)) {
    names.unshift(current.getName());
    current = unwrap(current.getExpression());
  }
  if (Node.isIdentifier(current)) {
    const prefix = prefixes.get(current.getText());
    if (prefix) return isShadowed(current) ? undefined : [...prefix, ...names].join('.');
    const className = names.length === 1 ? constructedClass(current) : undefined;
    const classPrefix = className === undefined ? undefined : prefixes.get(className);
    return classPrefix ? `${classPrefix.join('.')}#${names[0]}` : undefined;
  }
  if (Node.isThisExpression(current) && names.length === 2) {
    const className = injectedClass(current, names[0]!);
    const classPrefix = className === undefined ? undefined : prefixes.get(className);
    return classPrefix ? `${classPrefix.join('.')}#${names[1]}` : undefined;
  }
  return undefined;
}

/** `service` bound by `const service = new CartService()`: `CartService`. */
function constructedClass(identifier: Node): string | undefined {
  const initializer = constDeclarationOf(identifier, identifier.getText())?.getInitializer();
  const value = initializer && unwrap(initializer);
  if (!value || !Node.isNewExpression(value)) return undefined;
  const constructor = unwrap(value.getExpression());
  return Node.isIdentifier(constructor) ? constructor.getText() : undefined;
}

/**
 * The class of `this.<property>`: a constructor parameter property (`private readonly cart:
 * CartService`, Nest's injection) or a property declared with that type or initialised with `new`.
 */
function injectedClass(self: Node, property: string): string | undefined {
  const owner = self.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  if (!owner) return undefined;
  for (const constructor of owner.getConstructors()) {
    const parameter = constructor.getParameter(property);
    if (parameter?.isParameterProperty()) return typeName(parameter.getTypeNode());
  }
  const declaration = owner.getProperty(property);
  if (!declaration) return undefined;
  const initializer = declaration.getInitializer();
  const value = initializer && unwrap(initializer);
  if (value && Node.isNewExpression(value)) {
    const constructor = unwrap(value.getExpression());
    return Node.isIdentifier(constructor) ? constructor.getText() : undefined;
  }
  return typeName(declaration.getTypeNode());
}

function typeName(type: Node | undefined): string | undefined {
  if (!type || !Node.isTypeReference(type)) return undefined;
  const name = type.getTypeName();
  return Node.isIdentifier(name) ? name.getText() : undefined;
}
