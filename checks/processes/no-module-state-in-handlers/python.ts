import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { calledFunctions } from '../../../src/languages/python/called-functions.ts';
import { handlersCallingFunctions } from '../../../src/languages/python/handlers-calling-functions.ts';
import { earliestCallerOfEach } from '../../../src/languages/handlers-reaching.ts';
import { moduleFunctions } from '../../../src/languages/python/module-functions.ts';
import { requestHandlers } from '../../../src/languages/python/handlers.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { calleeName, dottedName, lastPart } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** Constructors of mutable collections (`frozenset`, tuples and `lru_cache` are not). */
const COLLECTIONS = new Set(['dict', 'list', 'set', 'collections.defaultdict', 'collections.Counter', 'collections.deque', 'collections.OrderedDict']);
const CACHETOOLS = new Set(['Cache', 'LRUCache', 'LFUCache', 'TTLCache', 'TLRUCache', 'RRCache', 'FIFOCache', 'MRUCache']);
/** Methods that change a dict, list, set, deque or Counter in place. */
const MUTATORS = new Set([
  'append', 'extend', 'insert', 'remove', 'pop', 'popitem', 'clear', 'update', 'setdefault', 'add', 'discard', 'sort', 'reverse',
  'appendleft', 'extendleft', 'popleft', 'rotate', 'subtract', 'difference_update', 'intersection_update', 'symmetric_difference_update',
  '__setitem__', '__delitem__',
]);
/** Methods a set or list of connections is kept with. */
const MEMBERSHIP = new Set(['add', 'append', 'discard', 'remove']);
const APP_CONSTRUCTORS = new Set(['fastapi.FastAPI', 'starlette.applications.Starlette', 'aiohttp.web.Application']);
const WEBSOCKET_NAME = /^(?:ws|websocket|socket)$/i;

interface Collection {
  readonly declaration: Node;
  readonly cache: boolean;
}

interface Write {
  readonly node: Node;
  /** Adds or removes a WebSocket connection (`CLIENTS.add(ws)`). */
  readonly connection: boolean;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    const collections = moduleCollections(module);
    const handlers = requestHandlers(context);
    const reached = handlers.size === 0 ? [] : handlerCode(module, handlers);
    const reported = new Set<string>();
    for (const [name, collection] of collections) {
      const writes = reached.flatMap((fn) => writesTo(fn, name));
      if (writes.length === 0) continue;
      reported.add(name);
      const first = writes.reduce((earliest, write) => (write.node.startIndex < earliest.node.startIndex ? write : earliest));
      const data = { name, line: context.locate(first.node.startIndex, first.node.startIndex).line };
      const range = [collection.declaration.startIndex, collection.declaration.endIndex] as const;
      if (collection.cache) context.report({ range, messageId: 'cachetools', data, severity: 'notice' });
      else if (writes.every((write) => write.connection)) context.report({ range, messageId: 'websocketSet', data, severity: 'notice' });
      else context.report({ range, messageId: 'moduleState', data });
    }
    reportWritesThroughFunctions(context, module, new Map([...collections].filter(([name, collection]) => !reported.has(name) && !collection.cache)));
    if (reached.length > 0) reportAppState(context, module, reached);
  },
});

/**
 * Collections written by this module's functions (or the helpers they call) that a request
 * handler of another module calls, perhaps through further modules: `store.put(key, value)` in
 * a view where `put` writes this module's dict. Reported here, at the declaration.
 */
function reportWritesThroughFunctions(context: CheckContext<MessageId>, module: PythonModule, collections: ReadonlyMap<string, Collection>): void {
  if (collections.size === 0) return;
  const functions = moduleFunctions(module);
  // Functions that write a collection themselves; most modules have none, and then nothing is followed.
  const writers = new Map<number, string[]>();
  for (const fn of new Set(functions.values())) {
    const names = [...collections.keys()].filter((name) => fn.text.includes(name) && writesTo(fn, name).some((write) => !write.connection));
    if (names.length > 0) writers.set(fn.id, names);
  }
  if (writers.size === 0) return;
  const written = new Map<string, ReadonlySet<string>>();
  for (const [key, fn] of functions) {
    const names = new Set(calledFunctions(module, fn).flatMap((reached) => writers.get(reached.id) ?? []));
    if (names.size > 0) written.set(key, names);
  }
  const callers = handlersCallingFunctions(context, new Set(written.keys()));
  for (const [name, { key, caller }] of earliestCallerOfEach(written, callers)) {
    const { declaration } = collections.get(name)!;
    context.report({
      range: [declaration.startIndex, declaration.endIndex],
      messageId: 'moduleStateThroughHelper',
      data: { name, helper: `${key}()`, file: caller.path, line: caller.line },
    });
  }
}

/** Handlers and the functions of this module they call. */
function handlerCode(module: PythonModule, handlers: ReadonlySet<number>): Node[] {
  const reached = new Map<number, Node>();
  for (const definition of nodesOfType(module, 'function_definition')) {
    if (definition && handlers.has(definition.id)) for (const fn of calledFunctions(module, definition)) reached.set(fn.id, fn);
  }
  return [...reached.values()];
}

/** Module-level names bound once to a mutable collection or a cachetools cache. */
function moduleCollections(module: PythonModule): Map<string, Collection> {
  const collections = new Map<string, Collection>();
  for (const [name, value] of module.constants) {
    const declaration = value.parent?.type === 'assignment' ? value.parent.childForFieldName('left') : null;
    if (!declaration) continue;
    const callee = value.type === 'call' ? calleeName(module, value) : undefined;
    const cache = callee?.startsWith('cachetools.') === true && CACHETOOLS.has(lastPart(callee)!);
    if (cache || value.type === 'dictionary' || value.type === 'list' || value.type === 'set' || (callee !== undefined && COLLECTIONS.has(callee))) {
      collections.set(name, { declaration, cache });
    }
  }
  return collections;
}

/** Writes to module-level `name` in `fn`: item writes, mutating methods, `global` rebinding. */
function writesTo(fn: Node, name: string): Write[] {
  const global = declaresGlobal(fn, name);
  if (!global && bindsLocally(fn, name)) return [];
  const writes: Write[] = [];
  for (const node of fn.descendantsOfType(['assignment', 'augmented_assignment', 'delete_statement', 'call'])) {
    if (!node) continue;
    if (node.type === 'call') {
      const method = node.childForFieldName('function');
      const methodName = method?.childForFieldName('attribute')?.text ?? '';
      if (method?.type === 'attribute' && MUTATORS.has(methodName) && rootName(method.childForFieldName('object')) === name) {
        writes.push({ node, connection: MEMBERSHIP.has(methodName) && isConnection(fn, node.childForFieldName('arguments')?.namedChild(0) ?? null) });
      }
      continue;
    }
    const targets = node.type === 'delete_statement' ? node.namedChildren : [node.childForFieldName('left')];
    for (const target of targets) {
      if (!target) continue;
      const itemWrite = target.type === 'subscript' && rootName(target) === name;
      const rebinding = global && target.type === 'identifier' && target.text === name;
      if (itemWrite || rebinding) writes.push({ node, connection: false });
    }
  }
  return writes;
}

/** The name a subscript/attribute chain starts from: `STATE[user]["cart"]` → `STATE`. */
function rootName(node: Node | null): string | undefined {
  let current = node;
  while (current?.type === 'subscript') current = current.childForFieldName('value');
  return current?.type === 'identifier' ? current.text : undefined;
}

function declaresGlobal(fn: Node, name: string): boolean {
  return fn.descendantsOfType('global_statement').some((statement) => statement?.namedChildren.some((child) => child?.text === name));
}

/** A parameter or a plain assignment makes `name` local to `fn`: a local copy, not the module's. */
function bindsLocally(fn: Node, name: string): boolean {
  if ((fn.childForFieldName('parameters')?.descendantsOfType('identifier') ?? []).some((identifier) => identifier?.text === name)) return true;
  return fn.descendantsOfType(['assignment', 'for_statement']).some((binding) => {
    const left = binding?.childForFieldName('left');
    return left !== null && left !== undefined && (left.type === 'identifier' ? left.text === name : left.type !== 'subscript' && left.type !== 'attribute' && left.descendantsOfType('identifier').some((identifier) => identifier?.text === name));
  });
}

/** A WebSocket: `ws`/`websocket`, a parameter annotated `WebSocket`, or `web.WebSocketResponse()`. */
function isConnection(fn: Node, value: Node | null): boolean {
  if (value?.type !== 'identifier') return false;
  if (WEBSOCKET_NAME.test(value.text)) return true;
  const annotated = (fn.childForFieldName('parameters')?.namedChildren ?? []).some(
    (parameter) => parameter?.childForFieldName('name')?.text === value.text && /WebSocket/.test(parameter.childForFieldName('type')?.text ?? ''),
  );
  return annotated || new RegExp(`\\b${value.text}\\s*=\\s*(?:web\\.)?WebSocketResponse\\(`).test(fn.text);
}

/** `request.app.state.x = …`, `app.state.hits += 1`, `request.app["sockets"].add(ws)` in handler code: notices at the write. */
function reportAppState(context: CheckContext<MessageId>, module: PythonModule, reached: readonly Node[]): void {
  const reported = new Set<number>();
  for (const fn of reached) {
    for (const node of fn.descendantsOfType(['assignment', 'augmented_assignment', 'call'])) {
      if (!node) continue;
      const function_ = node.type === 'call' ? node.childForFieldName('function') : null;
      const target =
        node.type === 'call'
          ? function_?.type === 'attribute' && MUTATORS.has(function_.childForFieldName('attribute')?.text ?? '') ? function_.childForFieldName('object') : null
          : node.childForFieldName('left');
      const state = target ? appStateOf(module, target) : undefined;
      if (!state || reported.has(node.startIndex)) continue;
      reported.add(node.startIndex);
      context.report({ range: [node.startIndex, node.endIndex], messageId: 'appState', data: { target: state }, severity: 'notice' });
    }
  }
}

/** The application-state expression a write target lies in, as written: `request.app.state.sessions`. */
function appStateOf(module: PythonModule, target: Node): string | undefined {
  let current: Node | null = target;
  while (current && (current.type === 'subscript' || current.type === 'attribute')) {
    const inner: Node | null = current.type === 'subscript' ? current.childForFieldName('value') : current.childForFieldName('object');
    const innerName = dottedName(inner);
    if (current.type === 'attribute' && current.childForFieldName('attribute')?.text === 'state' && isApplication(module, innerName)) return target.text;
    if (current.type === 'subscript' && isApplication(module, innerName) && innerName !== undefined && module.constants.get(innerName) !== undefined) return target.text;
    if (current.type === 'subscript' && innerName?.endsWith('request.app')) return target.text;
    current = inner;
  }
  return undefined;
}

function isApplication(module: PythonModule, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (name === 'request.app' || name.endsWith('.request.app')) return true;
  const value = module.constants.get(name);
  return value?.type === 'call' && APP_CONSTRUCTORS.has(calleeName(module, value) ?? '');
}
