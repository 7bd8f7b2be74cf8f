import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';
import { pythonModule, type PythonModule, nodesOfType } from './module.ts';
import { calleeName, dottedName, lastPart, positionalArguments, keywordArgument } from './syntax.ts';

/** Route decorators' last name part: Flask/Quart `route`, FastAPI/Starlette/Sanic/aiohttp verbs. */
const ROUTE_DECORATORS = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'websocket', 'api_route', 'view']);
/** Decorators that make a function a view by themselves (DRF, Django). */
const VIEW_DECORATORS = new Set(['api_view', 'require_http_methods', 'require_GET', 'require_POST', 'require_safe']);
/** Base classes whose methods named after HTTP verbs are handlers. */
const VIEW_BASES = /(?:^|\.)(?:MethodView|View|APIView|GenericAPIView|ViewSet|ModelViewSet|GenericViewSet|ReadOnlyModelViewSet|HTTPEndpoint|RequestHandler|BaseHTTPRequestHandler|SimpleHTTPRequestHandler|TemplateView|FormView|CreateView|UpdateView|DeleteView|ListView|DetailView)$/;
const VERB_METHODS = /^(?:get|post|put|patch|delete|head|options|list|create|retrieve|update|partial_update|destroy|dispatch_request|do_[A-Z]+)$/;
/** Calls registering a handler by reference: Starlette `Route`, aiohttp `web.get`, `add_url_rule`, Django `path`. */
const REGISTRATION_CALLS = new Set(['Route', 'WebSocketRoute', 'add_url_rule', 'add_api_route', 'add_route', 'add_get', 'add_post', 'add_put', 'add_delete', 'add_patch', 'path', 're_path', 'url']);

/**
 * The functions of the reviewed module that serve requests: routed by decorators, methods of
 * view classes named after HTTP verbs (`do_GET` included), handlers registered by reference
 * (`Route("/", endpoint)`, `app.add_url_rule(…, view_func=f)`, Django `path("", views.f)`), and
 * FastAPI `Depends` providers of those.
 */
export function requestHandlers(context: CheckContext): ReadonlySet<number> {
  return context.perFile('python:handlers', () => moduleRequestHandlers(pythonModule(context)));
}

/** The handler function around `node`, if `node` sits inside one. */
export function enclosingHandler(context: CheckContext, node: Node): Node | undefined {
  const handlers = requestHandlers(context);
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' && handlers.has(current.id)) return current;
  }
  return undefined;
}

/** The request handlers of any module (of the file under review: `requestHandlers`), by node id. */
export function moduleRequestHandlers(module: PythonModule): Set<number> {
  const handlers = new Set<number>();
  const functionsByName = new Map<string, Node>();
  for (const definition of nodesOfType(module, 'function_definition')) {
    if (!definition) continue;
    const name = definition.childForFieldName('name')?.text;
    if (name && definition.parent?.type === 'module') functionsByName.set(name, definition);
    if (name && definition.parent?.type === 'decorated_definition' && definition.parent.parent?.type === 'module') functionsByName.set(name, definition);
    if (isRouted(definition) || isViewMethod(definition)) handlers.add(definition.id);
  }
  for (const call of module.calls) {
    const name = lastPart(calleeName(module, call));
    if (!name || !REGISTRATION_CALLS.has(name)) continue;
    for (const candidate of [...positionalArguments(call), keywordArgument(call, 'endpoint'), keywordArgument(call, 'view_func'), keywordArgument(call, 'view')]) {
      const target = candidate && functionsByName.get(dottedName(candidate) ?? '');
      if (target) handlers.add(target.id);
    }
  }
  for (const handler of [...handlers]) {
    const definition = [...functionsByName.values()].find((fn) => fn.id === handler);
    for (const provider of definition ? dependsProviders(definition) : []) {
      const target = functionsByName.get(provider);
      if (target) handlers.add(target.id);
    }
  }
  return handlers;
}

function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((child): child is Node => child?.type === 'decorator');
}

function isRouted(definition: Node): boolean {
  return decoratorsOf(definition).some((decorator) => {
    const expression = decorator.namedChild(0);
    const target = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    const name = dottedName(target);
    if (name === undefined) return false;
    const last = lastPart(name)!;
    if (VIEW_DECORATORS.has(last)) return true;
    // `@app.get("/")` — a verb on a receiver, called with a path; `@property`-like bare names are not routes.
    return name.includes('.') && ROUTE_DECORATORS.has(last) && expression?.type === 'call';
  });
}

function isViewMethod(definition: Node): boolean {
  const name = definition.childForFieldName('name')?.text ?? '';
  if (!VERB_METHODS.test(name)) return false;
  let owner = definition.parent;
  if (owner?.type === 'decorated_definition') owner = owner.parent;
  const klass = owner?.type === 'block' ? owner.parent : undefined;
  if (klass?.type !== 'class_definition') return false;
  const bases = klass.childForFieldName('superclasses');
  return (bases?.namedChildren ?? []).some((base) => base !== null && VIEW_BASES.test(dottedName(base) ?? ''));
}

/** Names passed to `Depends(…)` in a handler's parameters. */
function dependsProviders(definition: Node): string[] {
  const providers: string[] = [];
  for (const call of definition.childForFieldName('parameters')?.descendantsOfType('call') ?? []) {
    if (!call || lastPart(dottedName(call.childForFieldName('function'))) !== 'Depends') continue;
    const [provider] = positionalArguments(call);
    const name = dottedName(provider);
    if (name) providers.push(name);
  }
  return providers;
}
