import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { ScriptView } from './script-view.ts';
import { literalValue, propertyNameOf, unwrap } from './constants.ts';
import { bindingOf, importsAny } from './imports.ts';
import { calleeName } from './callee-name.ts';
import { localFunction } from './local-function.ts';
import { moduleReference } from './module-reference.ts';

/** Methods that register a route or middleware on an Express/Koa/Fastify/Hono app or router. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'head', 'options', 'route']);

/** Verbs whose calls take a path and a handler (`app.get('/x', fn)`): one argument is a lookup (`map.get(k)`). */
const VERB_MIN_ARGUMENTS = 2;

/** Receiver names that mark an app or router (`app`, `router`, `userRouter`, `apiRoutes`, `fastify`). */
const ROUTER_NAME = /^(?:app|application|server|srv|router|routes?|api|fastify|instance|koa|hono|web)$|(?:App|Router|Routes|Server)$/;

/** Receivers whose `.get(url, callback)` is an HTTP client call, not a route. */
const CLIENT_MODULES = new Set(['http', 'https', 'http2', 'axios', 'got', 'superagent', 'request', 'needle', 'node-fetch', 'undici', 'ky', 'jquery', 'supertest']);
const CLIENT_GLOBALS = new Set(['$', 'jQuery', 'axios']);

/** Nest's HTTP method decorators (from `@nestjs/common`). */
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search']);

/**
 * The functions of this file that run per request: functions (inline, or declared in this
 * file and passed by name, or wrapped once like `asyncHandler(fn)`) given to
 * `app.get/post/…/use`, `router.*`, `fastify.route({ handler })`, `http.createServer(fn)`, and
 * Nest controller methods. Memoised per file.
 */
export function requestHandlers(context: ScriptView): ReadonlySet<Node> {
  return context.perFile('request-handlers', () => {
    const handlers = new Set<Node>();
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      if (!registersHandler(context, call)) continue;
      for (const argument of call.getArguments()) for (const handler of handlerFunctions(argument, 0)) handlers.add(handler);
    }
    if (importsAny(context, ['@nestjs/common'])) {
      for (const declaration of context.ofKind(SyntaxKind.ClassDeclaration)) {
        if (!declaration.getDecorators().some((decorator) => nestDecorator(context, decorator.getName()) === 'Controller')) continue;
        for (const method of declaration.getMethods()) {
          if (method.getDecorators().some((decorator) => NEST_ROUTE_DECORATORS.has(nestDecorator(context, decorator.getName()) ?? ''))) {
            handlers.add(method);
          }
        }
      }
    }
    return handlers;
  });
}

/** The request handler `node` runs in, if any. */
export function enclosingHandler(node: Node, handlers: ReadonlySet<Node>): Node | undefined {
  if (handlers.size === 0) return undefined;
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (handlers.has(current)) return current;
  }
  return undefined;
}

function registersHandler(context: ScriptView, call: CallExpression): boolean {
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee) && ROUTE_METHODS.has(callee.getName())) {
    const method = callee.getName();
    const receiver = unwrap(callee.getExpression());
    // `app.route('/book').get(fn).post(fn)`: a chained route takes the handler alone.
    const chained = Node.isCallExpression(receiver);
    if (method !== 'use' && method !== 'route' && !chained && call.getArguments().length < VERB_MIN_ARGUMENTS) return false;
    return (startsWithPath(call) || looksLikeRouter(receiver)) && !isClient(context, receiver);
  }
  const name = calleeName(call);
  if (name !== 'createServer' && name !== 'createSecureServer') return false;
  const reference = moduleReference(context, callee);
  return (
    reference !== undefined &&
    (reference.module === 'http' || reference.module === 'https' || reference.module === 'http2') &&
    (reference.path.at(-1) === 'createServer' || reference.path.at(-1) === 'createSecureServer')
  );
}

function isClient(context: ScriptView, receiver: Node): boolean {
  let root: Node = receiver;
  while (Node.isPropertyAccessExpression(root) || Node.isCallExpression(root) || Node.isElementAccessExpression(root)) {
    if (Node.isPropertyAccessExpression(root) && root.getName() === 'interceptors') return true;
    root = unwrap(root.getExpression());
  }
  if (!Node.isIdentifier(root)) return false;
  const reference = moduleReference(context, root);
  if (reference) return CLIENT_MODULES.has(reference.module);
  return CLIENT_GLOBALS.has(root.getText());
}

/** `app.get('/users', …)`, `router.use('*', …)`, `app.get(/^\/api/, …)`, `app.get(['/a', '/b'], …)`. */
function startsWithPath(call: CallExpression): boolean {
  const [first] = call.getArguments();
  if (!first) return false;
  const value = unwrap(first);
  if (Node.isRegularExpressionLiteral(value)) return true;
  if (Node.isArrayLiteralExpression(value)) {
    const elements = value.getElements();
    return elements.length > 0 && elements.every((element) => isPathString(literalValue(element)));
  }
  if (Node.isTemplateExpression(value)) return value.getHead().getLiteralText().startsWith('/');
  return isPathString(literalValue(first));
}

function isPathString(value: string | number | undefined): boolean {
  return typeof value === 'string' && (value.startsWith('/') || value === '*');
}

function looksLikeRouter(receiver: Node): boolean {
  if (Node.isIdentifier(receiver)) return ROUTER_NAME.test(receiver.getText());
  if (Node.isPropertyAccessExpression(receiver)) return ROUTER_NAME.test(receiver.getName());
  if (Node.isCallExpression(receiver)) {
    const callee = unwrap(receiver.getExpression());
    // `app.route('/x').get(fn).post(fn)` and `express.Router().get(…)`.
    if (Node.isPropertyAccessExpression(callee)) {
      return ROUTE_METHODS.has(callee.getName()) ? looksLikeRouter(unwrap(callee.getExpression())) || startsWithPath(receiver) : callee.getName() === 'Router';
    }
    return Node.isIdentifier(callee) && (callee.getText() === 'Router' || callee.getText() === 'express');
  }
  return false;
}

/** The functions an argument hands over: inline, by name, in an array, wrapped once, or as `handler:`. */
export function handlerFunctions(argument: Node, depth = 0): Node[] {
  const node = unwrap(argument);
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return [node];
  if (Node.isIdentifier(node)) {
    const named = localFunction(node);
    return named ? [named] : [];
  }
  if (Node.isArrayLiteralExpression(node)) return node.getElements().flatMap((element) => handlerFunctions(element, depth));
  if (Node.isCallExpression(node) && depth === 0) return node.getArguments().flatMap((inner) => handlerFunctions(inner, depth + 1));
  if (Node.isObjectLiteralExpression(node)) {
    for (const property of node.getProperties()) {
      if (Node.isMethodDeclaration(property) && property.getName() === 'handler') return [property];
      if (Node.isPropertyAssignment(property) && propertyNameOf(property.getNameNode()) === 'handler') {
        const initializer = property.getInitializer();
        return initializer ? handlerFunctions(initializer, depth + 1) : [];
      }
      if (Node.isShorthandPropertyAssignment(property) && property.getName() === 'handler') return handlerFunctions(property.getNameNode(), depth + 1);
    }
  }
  return [];
}

/** The `@nestjs/common` export a decorator name is bound to. */
function nestDecorator(context: ScriptView, local: string): string | undefined {
  const binding = bindingOf(context, local);
  return binding?.module === '@nestjs/common' ? binding.imported : undefined;
}
