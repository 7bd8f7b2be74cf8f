import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
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
import type { MessageId } from './index.ts';

const HIGHEST_PORT = 65_535;

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
  },
});

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
