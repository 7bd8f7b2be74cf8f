import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { pythonModule, repositoryModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { nameInModule, repositoryImports } from '../../../src/languages/python/repository-imports.ts';
import {
  argument,
  calleeName,
  dottedName,
  integerValue,
  keywordArgument,
  lastPart,
  positionalArguments,
  resolveValue,
  stringValue,
} from '../../../src/languages/python/syntax.ts';
import { isGunicornConfig } from '../../../src/languages/python/is-gunicorn-config.ts';
import { isLocalRunCode, isServedModule, pythonEntryPoints } from '../../support/python-entry-points.ts';
import { isListeningPort } from '../../support/listening-port.ts';
import type { MessageId } from './index.ts';

const HIGHEST_PORT = 65_535;
/** A number `isListeningPort` may accept, as written: 80, 443 or four or five digits. */
const LISTENING_PORT_TEXT = /\b(?:80|443|[1-9][\d_]{3,5})\b/;

/** A server start: where its port argument is, and the port it binds when none is given. */
interface ServerCall {
  server: string;
  /** The port argument: by keyword, and by position when the server takes it positionally. */
  port?: { keyword: string; index?: number };
  /** `("", 8000)` tuples and `"host:port"` strings. */
  address?: { index: number; keyword: string };
  defaultPort?: number;
  /** Metrics endpoints: a side port, reported as a notice. */
  metrics?: boolean;
}

/** Servers by qualified callee; `<app>.run` is matched separately (any Flask-like app object). */
const SERVERS: Readonly<Record<string, ServerCall>> = {
  'uvicorn.run': { server: 'uvicorn', port: { keyword: 'port' }, defaultPort: 8000 },
  'hypercorn.run': { server: 'hypercorn', port: { keyword: 'port' }, defaultPort: 8000 },
  'waitress.serve': { server: 'waitress', port: { keyword: 'port' }, defaultPort: 8080 },
  'aiohttp.web.run_app': { server: 'aiohttp', port: { keyword: 'port' }, defaultPort: 8080 },
  'bottle.run': { server: 'bottle', port: { keyword: 'port' }, defaultPort: 8080 },
  'wsgiref.simple_server.make_server': { server: 'wsgiref', port: { index: 1, keyword: 'port' } },
  'http.server.HTTPServer': { server: 'HTTPServer', address: { index: 0, keyword: 'server_address' } },
  'http.server.ThreadingHTTPServer': { server: 'ThreadingHTTPServer', address: { index: 0, keyword: 'server_address' } },
  'socketserver.TCPServer': { server: 'TCPServer', address: { index: 0, keyword: 'server_address' } },
  'socketserver.ThreadingTCPServer': { server: 'ThreadingTCPServer', address: { index: 0, keyword: 'server_address' } },
  'websockets.serve': { server: 'websockets', port: { index: 2, keyword: 'port' } },
  'websockets.server.serve': { server: 'websockets', port: { index: 2, keyword: 'port' } },
  'prometheus_client.start_http_server': { server: 'the metrics endpoint', port: { index: 0, keyword: 'port' }, metrics: true },
};
/** Methods that start a server whatever the receiver's type: gRPC ports, Flask-SocketIO. */
const SERVER_METHODS: Readonly<Record<string, ServerCall>> = {
  add_insecure_port: { server: 'gRPC', address: { index: 0, keyword: 'address' } },
  add_secure_port: { server: 'gRPC', address: { index: 0, keyword: 'address' } },
};
/** `app.run()` on a Flask-like application object. */
const APP_RUN: ServerCall = { server: 'app.run()', port: { index: 1, keyword: 'port' }, defaultPort: 5000 };
/** `socketio.run(app)` on a Flask-SocketIO object. */
const SOCKETIO_RUN: ServerCall = { server: 'socketio.run()', port: { index: 2, keyword: 'port' }, defaultPort: 5000 };
const APPLICATION_NAMES = new Set(['app', 'application', 'server', 'api']);
const APPLICATION_CLASSES = new Set(['flask.Flask', 'quart.Quart', 'sanic.Sanic']);

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (isGunicornConfig(context.path)) {
      reportGunicornBind(context);
      return;
    }
    const module = pythonModule(context);
    // A module a server loads never runs its own `app.run()` in production.
    const served = isServedModule(pythonEntryPoints(context), context.path);
    for (const call of module.calls) {
      const server = serverOf(module, call);
      if (!server || (served && server === APP_RUN)) continue;
      const bound = boundPort(module, call, server);
      if (!bound) continue;
      const notice = server.metrics === true || isLocalRunCode(context, context.path, module, call);
      const data = { server: server.server, port: bound.port };
      const fix = bound.argument ? replaceWithEnvRead(module, bound.argument) : bound.written ? undefined : appendPortArgument(module, call, bound.port);
      context.report({
        range: [call.startIndex, call.endIndex],
        messageId: bound.written ? 'literalPython' : 'defaultPython',
        data,
        ...(notice ? { severity: 'notice' as const } : {}),
        ...(fix && !server.metrics ? { fix: { description: 'Read the port from the environment', edits: [fix] } } : {}),
      });
    }
    reportTravellingPorts(context, module, served);
  },
});

/** A function or class of the repository, with the module it is defined in. */
interface Callable {
  definition: Node;
  module: PythonModule;
  path: string;
}

/**
 * A literal port handed to a function or class of the repository that serves on it:
 * `App(port=8000).run()` where `run` calls `uvicorn.run(self.app, port=self.port)`, `start(8000)`
 * where `start(port)` calls `app.run(port=port)`. One boundary is crossed; reported at the literal.
 */
function reportTravellingPorts(context: CheckContext<MessageId>, module: PythonModule, served: boolean): void {
  // Most modules hold no number that could be a listening port: a text test before reading calls.
  if (!LISTENING_PORT_TEXT.test(context.text)) return;
  const reported = new Set<number>();
  for (const call of module.calls) {
    const carried = carriedPorts(module, call);
    if (carried.length === 0) continue;
    const callable = repositoryCallable(context, module, dottedName(call.childForFieldName('function')));
    if (!callable) continue;
    const parameters = parametersOf(callable.definition);
    for (const { literal, port, index, keyword } of carried) {
      const parameter = keyword ?? (index === undefined ? undefined : parameters[index]);
      if (parameter === undefined || !parameters.includes(parameter) || reported.has(literal.id)) continue;
      const site = serverReceiving(callable, parameter);
      if (!site || (served && site.server === APP_RUN)) continue;
      reported.add(literal.id);
      const fix = replaceWithEnvRead(module, literal);
      const file = callable.path === context.path ? 'this module' : callable.path;
      context.report({
        range: [literal.startIndex, literal.endIndex],
        messageId: 'literalTravelsPython',
        data: { port, server: site.server.server, file, line: site.call.startPosition.row + 1 },
        ...(isLocalRunCode(context, context.path, module, call) ? { severity: 'notice' as const } : {}),
        ...(fix ? { fix: { description: 'Read the port from the environment', edits: [fix] } } : {}),
      });
    }
  }
}

/** The literal ports among a call's arguments (a literal, or a constant holding one), with no environment read. */
function carriedPorts(module: PythonModule, call: Node): { literal: Node; port: number; index?: number; keyword?: string }[] {
  const carried: { literal: Node; port: number; index?: number; keyword?: string }[] = [];
  const add = (value: Node, place: { index?: number; keyword?: string }) => {
    if (value.type !== 'integer' && value.type !== 'identifier') return;
    const literal = resolveValue(module, value);
    const port = asPort(integerValue(literal));
    if (port !== undefined && isListeningPort(port) && !readsEnvironment(module, value)) carried.push({ literal, port, ...place });
  };
  positionalArguments(call).forEach((value, index) => add(value, { index }));
  for (const child of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const keyword = child?.type === 'keyword_argument' ? child.childForFieldName('name')?.text : undefined;
    const value = child?.childForFieldName('value');
    if (keyword !== undefined && value) add(value, { keyword });
  }
  return carried;
}

/** The top-level function or class a callee names: in this module, or in a repository module it imports. */
function repositoryCallable(context: CheckContext, module: PythonModule, callee: string | undefined): Callable | undefined {
  if (callee === undefined) return undefined;
  if (!callee.includes('.') && !module.imports.has(callee)) {
    const definition = topLevelDefinition(module, callee);
    return definition ? { definition, module, path: context.path } : undefined;
  }
  const imports = repositoryImports(context, context.path, module);
  for (const file of new Set(imports.map((binding) => binding.file))) {
    const name = nameInModule(imports, file, callee);
    const target = name === undefined || name.includes('.') ? undefined : repositoryModule(context, file);
    const definition = target && topLevelDefinition(target, name!);
    if (definition) return { definition, module: target, path: file };
  }
  return undefined;
}

function topLevelDefinition(module: PythonModule, name: string): Node | undefined {
  for (const statement of module.root.namedChildren) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if ((definition?.type === 'function_definition' || definition?.type === 'class_definition') && definition.childForFieldName('name')?.text === name) return definition;
  }
  return undefined;
}

/** Parameter names of a function, or of a class's `__init__` without `self`. */
function parametersOf(definition: Node): string[] {
  const fn = definition.type === 'class_definition' ? initializerOf(definition) : definition;
  const names = (fn?.childForFieldName('parameters')?.namedChildren ?? []).map((parameter) => {
    if (parameter?.type === 'identifier') return parameter.text;
    return (parameter?.childForFieldName('name') ?? parameter?.namedChildren.find((child) => child?.type === 'identifier'))?.text ?? '';
  });
  return definition.type === 'class_definition' ? names.slice(1) : names;
}

function initializerOf(klass: Node): Node | undefined {
  return methodsOf(klass).find((method) => method.childForFieldName('name')?.text === '__init__');
}

function methodsOf(klass: Node): Node[] {
  return (klass.childForFieldName('body')?.namedChildren ?? [])
    .map((statement) => (statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement))
    .filter((method): method is Node => method?.type === 'function_definition');
}

/**
 * The server call that binds parameter `parameter` of a function — or, for a class, the field
 * its `__init__` stores it in (`self.port = port`), in any method — with no environment read.
 */
function serverReceiving(callable: Callable, parameter: string): { call: Node; server: ServerCall } | undefined {
  const { definition, module } = callable;
  let scopes = [definition];
  let matches = (value: Node) => value.type === 'identifier' && value.text === parameter;
  if (definition.type === 'class_definition') {
    const field = storedField(initializerOf(definition), parameter);
    if (field === undefined) return undefined;
    scopes = methodsOf(definition);
    matches = (value) => value.type === 'attribute' && value.text.replace(/\s+/g, '') === `self.${field}`;
  }
  for (const scope of scopes) {
    for (const call of scope.descendantsOfType('call')) {
      const server = call && (serverOf(module, call) ?? selfAppRun(call));
      const port = call && server ? portArgument(module, call, server) : undefined;
      if (call && server && port && matches(withoutInt(port)) && !readsEnvironment(module, port)) return { call, server };
    }
  }
  return undefined;
}

/** `self.port = port` (or `int(port)`) in `__init__`: the field's name. */
function storedField(initializer: Node | undefined, parameter: string): string | undefined {
  for (const assignment of initializer?.descendantsOfType('assignment') ?? []) {
    const target = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (target?.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self' || !value) continue;
    const stored = withoutInt(value);
    if (stored.type === 'identifier' && stored.text === parameter) return target.childForFieldName('attribute')?.text;
  }
  return undefined;
}

/** `self.app.run(…)` on an application object the class holds. */
function selfAppRun(call: Node): ServerCall | undefined {
  const callee = dottedName(call.childForFieldName('function'));
  const [owner, name, method, ...rest] = callee?.split('.') ?? [];
  return owner === 'self' && method === 'run' && rest.length === 0 && APPLICATION_NAMES.has(name ?? '') ? APP_RUN : undefined;
}

/** The expression a server call takes its port from: the port argument, or the port of its address tuple. */
function portArgument(module: PythonModule, call: Node, server: ServerCall): Node | undefined {
  if (server.port) return server.port.index === undefined ? keywordArgument(call, server.port.keyword) : argument(call, server.port.index, server.port.keyword);
  if (!server.address) return undefined;
  const address = argument(call, server.address.index, server.address.keyword);
  const value = address && resolveValue(module, address);
  return value?.type === 'tuple' ? (value.namedChildren[1] ?? undefined) : undefined;
}

/** `int(port)` → `port`. */
function withoutInt(value: Node): Node {
  if (value.type !== 'call' || value.childForFieldName('function')?.text !== 'int') return value;
  return positionalArguments(value)[0] ?? value;
}

function serverOf(module: PythonModule, call: Node): ServerCall | undefined {
  const callee = calleeName(module, call);
  if (callee === undefined) return undefined;
  const known = SERVERS[callee];
  if (known) return known;
  const method = lastPart(callee)!;
  if (SERVER_METHODS[method] && callee.includes('.')) return SERVER_METHODS[method];
  if (method !== 'run') return undefined;
  const receiver = receiverName(call);
  if (receiver === undefined) return undefined;
  const constructor = constructorOf(module, receiver);
  if (constructor === 'flask_socketio.SocketIO' || (constructor === undefined && receiver === 'socketio')) return SOCKETIO_RUN;
  if ((constructor !== undefined && APPLICATION_CLASSES.has(constructor)) || APPLICATION_NAMES.has(receiver)) return APP_RUN;
  return undefined;
}

/** `app` in `app.run(…)`: a plain name, not an attribute chain. */
function receiverName(call: Node): string | undefined {
  const name = dottedName(call.childForFieldName('function')?.childForFieldName('object'));
  return name === undefined || name.includes('.') ? undefined : name;
}

/** What a module-level name was constructed by: `app = Flask(__name__)` → `flask.Flask`. */
function constructorOf(module: PythonModule, name: string): string | undefined {
  const value = module.constants.get(name);
  return value?.type === 'call' ? calleeName(module, value) : undefined;
}

/**
 * The hard-coded port a server call binds: `written` when the code names it (a literal, a
 * constant, a `"host:port"` address) rather than leaving the server's default, and `argument`
 * when that is a port expression a suggestion can wrap.
 */
function boundPort(module: PythonModule, call: Node, server: ServerCall): { port: number; written: boolean; argument?: Node } | undefined {
  if (server.address) {
    const address = argument(call, server.address.index, server.address.keyword);
    if (!address || readsEnvironment(module, address)) return undefined;
    const value = resolveValue(module, address);
    if (value.type === 'tuple') {
      const portNode = value.namedChildren.filter((child): child is Node => child !== null)[1];
      if (!portNode || readsEnvironment(module, portNode)) return undefined;
      const port = asPort(integerValue(resolveValue(module, portNode)));
      return port === undefined ? undefined : { port, written: true, argument: portNode };
    }
    const port = asPort(Number(/:(\d+)$/.exec(stringValue(value) ?? '')?.[1]));
    return port === undefined ? undefined : { port, written: true };
  }
  if (!server.port) return undefined;
  const { keyword, index } = server.port;
  const given = index === undefined ? keywordArgument(call, keyword) : argument(call, index, keyword);
  if (!given) {
    if (hasSplat(call)) return undefined;
    return server.defaultPort === undefined ? undefined : { port: server.defaultPort, written: false };
  }
  if (readsEnvironment(module, given)) return undefined;
  const port = asPort(integerValue(resolveValue(module, given)) ?? Number(stringValue(resolveValue(module, given))));
  return port === undefined ? undefined : { port, written: true, argument: given };
}

/** `run(**options)`: the port may come from anywhere. */
function hasSplat(call: Node): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((child) => child?.type === 'dictionary_splat' || child?.type === 'list_splat');
}

/** A TCP port other than 0 (0 asks the OS for a free port: not hard-coded). */
function asPort(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value > 0 && value <= HIGHEST_PORT ? value : undefined;
}

/** The `os` module's local name, when the module imports it (a suggestion must not need a new import). */
function osName(module: PythonModule): string | undefined {
  for (const [local, qualified] of module.imports) if (qualified === 'os') return local;
  return undefined;
}

function replaceWithEnvRead(module: PythonModule, literal: Node): TextEdit | undefined {
  const os = osName(module);
  if (!os) return undefined;
  return { start: literal.startIndex, end: literal.endIndex, text: `int(${os}.environ.get("PORT", ${literal.text}))` };
}

function appendPortArgument(module: PythonModule, call: Node, port: number): TextEdit | undefined {
  const os = osName(module);
  const list = call.childForFieldName('arguments');
  if (!os || list?.type !== 'argument_list') return undefined;
  const close = list.endIndex - 1;
  const empty = positionalArguments(call).length === 0 && list.namedChildren.every((child) => child?.type === 'comment');
  const separator = empty ? '' : list.text.slice(0, -1).trimEnd().endsWith(',') ? ' ' : ', ';
  return { start: close, end: close, text: `${separator}port=int(${os}.environ.get("PORT", ${port}))` };
}

/** gunicorn.conf.py: `bind = "0.0.0.0:8000"` (or a list of them) without an env read. */
function reportGunicornBind(context: CheckContext<MessageId>): void {
  const module = pythonModule(context);
  const bind = module.constants.get('bind');
  if (!bind || readsEnvironment(module, bind)) return;
  const addresses = bind.type === 'list' ? bind.namedChildren.filter((child): child is Node => child !== null) : [bind];
  for (const address of addresses) {
    const port = asPort(Number(/:(\d+)$/.exec(stringValue(address) ?? '')?.[1]));
    if (port === undefined) continue;
    const assignment = bind.parent!;
    context.report({ range: [assignment.startIndex, assignment.endIndex], messageId: 'gunicornBind', data: { address: stringValue(address)! } });
    return;
  }
}
