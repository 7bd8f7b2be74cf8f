import type { Identifier, VariableDeclaration, ts } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { unwrap } from '../../../src/languages/javascript/constants.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';
import { enclosingHandler, requestHandlers } from '../../../src/languages/javascript/request-handlers.ts';
import { isShadowed } from '../../../src/languages/javascript/is-shadowed.ts';
import { calledLocalFunctions } from '../../../src/languages/javascript/called-functions.ts';
import { exportedFunctions } from '../../../src/languages/javascript/exported-functions.ts';
import { handlersCallingExports } from '../../../src/languages/javascript/handlers-calling-exports.ts';
import { earliestCallerOfEach } from '../../../src/languages/handlers-reaching.ts';
import { enclosingFunction } from '../../../src/languages/javascript/local-function.ts';
import { isApplicationScript } from '../../../src/languages/javascript/long-running-sites.ts';

/** Mutating methods of arrays, Maps and Sets. */
const WRITE_METHODS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'delete', 'clear']);

/** Words of a cache key that make it per-user state (`req.user.id`, `sessionID`, `` `session:${sid}` ``, `token`). */
const USER_KEY_WORDS = new Set(['user', 'userid', 'uid', 'username', 'session', 'sessionid', 'sid', 'token']);

/** Names of a live connection object handed to a handler (`res`, `reply`, `ws`, `socket`). */
const CONNECTION_NAMES = new Set(['res', 'response', 'reply', 'ws', 'socket', 'stream', 'connection', 'conn']);

/** Operators by their text: `SyntaxKind` is bound only once ts-morph has loaded, not at import. */
const ASSIGNMENTS: ReadonlySet<string> = new Set(['=', '??=', '||=', '&&=']);
const COMPOUND_ASSIGNMENTS: ReadonlySet<string> = new Set(['+=', '-=', '*=', '/=']);

interface Collection {
  declaration: VariableDeclaration;
  /** A bounded `lru-cache`: only reported when keyed by user or session. */
  bounded: boolean;
}

/** How many parents above a collection's name a write construct may sit (`(x as T)[a][b] = v`). */
const MAX_WRITE_DEPTH = 6;

interface Write {
  name: string;
  node: Node;
  key: Node | undefined;
}

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const collections = moduleCollections(context);
    if (collections.size === 0) return;
    const writes = collectionWrites(context, collections);
    if (!writes.some((write) => enclosingFunction(write.node))) return;
    const handlers = requestHandlers(context);
    const firstWrite = new Map<string, number>();
    // Only the outermost handlers and the functions of this file they call: nested handlers lie inside them.
    for (const handler of handlers) {
      if (enclosingHandler(handler, handlers)) continue;
      for (const fn of calledLocalFunctions(handler)) {
        for (const write of writesWithin(writes, fn)) {
          const collection = collections.get(write.name)!;
          if (collection.bounded && (write.key === undefined || !mentionsUser(write.key))) continue;
          const known = firstWrite.get(write.name);
          if (known === undefined || write.node.getStart() < known) firstWrite.set(write.name, write.node.getStart());
        }
      }
    }
    for (const [name, start] of firstWrite) {
      const collection = collections.get(name)!;
      context.report({
        node: collection.declaration.getNameNode(),
        messageId: collection.bounded ? 'userKeyedCache' : 'moduleState',
        data: { name, line: context.locate(start, start).line },
        ...(collection.bounded ? { severity: 'notice' as const } : {}),
      });
    }
    reportWritesThroughExports(context, collections, writes.filter((write) => !firstWrite.has(write.name) && !collections.get(write.name)!.bounded));
  },
});

/**
 * Collections written by exported functions of this file (or the helpers they call) that a
 * request handler of another module calls, perhaps through further modules: `store.put(k, v)`
 * in a route where `put` writes this file's Map. Reported here, at the declaration.
 */
function reportWritesThroughExports(context: CheckContext<MessageId>, collections: ReadonlyMap<string, Collection>, writes: readonly Write[]): void {
  if (writes.length === 0 || !isApplicationScript(context.path)) return;
  const written = new Map<string, ReadonlySet<string>>();
  for (const [key, fn] of exportedFunctions(context.ast())) {
    const names = new Set(calledLocalFunctions(fn).flatMap((reached) => writesWithin(writes, reached).map((write) => write.name)));
    if (names.size > 0) written.set(key, names);
  }
  const callers = handlersCallingExports(context, new Set(written.keys()));
  for (const [name, { key, caller }] of earliestCallerOfEach(written, callers)) {
    context.report({
      node: collections.get(name)!.declaration.getNameNode(),
      messageId: 'moduleStateThroughHelper',
      data: { name, helper: exportLabel(key), file: caller.path, line: caller.line },
    });
  }
}

/** How a message names an export: `put`, `store.put`, `CartService.add`. */
function exportLabel(key: string): string {
  const label = key.replace(/^default(?:[.#]|$)/, '').replace('#', '.');
  return label === '' ? 'the default export' : `${label}()`;
}

/**
 * Every write into a module-level collection in this file, found from the collection's name:
 * the identifier index is shared by all rules, so files with no write cost one lookup.
 */
function collectionWrites(context: CheckContext, collections: ReadonlyMap<string, Collection>): Write[] {
  const writes: Write[] = [];
  for (const compilerNode of context.compilerNodesOfKind(SyntaxKind.Identifier)) {
    const name = (compilerNode as ts.Identifier).text;
    const collection = collections.get(name);
    if (!collection) continue;
    const identifier = context.wrap(compilerNode);
    if (identifier === collection.declaration.getNameNode()) continue;
    let node: Node | undefined = identifier.getParent();
    for (let depth = 0; node && depth < MAX_WRITE_DEPTH; depth++, node = node.getParent()) {
      const write = writeIn(node);
      if (!write) continue;
      if (write.root === identifier && !isShadowed(identifier)) writes.push({ name, node, key: write.key });
      break;
    }
  }
  return writes;
}

function writesWithin(writes: readonly Write[], fn: Node): Write[] {
  const start = fn.getStart();
  const end = fn.getEnd();
  return writes.filter((write) => start <= write.node.getStart() && write.node.getEnd() <= end);
}

/** The collection a node writes into, if it is a write: `x.push(…)`, `x[k] = …`, `delete x[k]`, `x[k]++`… */
function writeIn(node: Node): { root: Identifier; key: Node | undefined } | undefined {
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const [first] = node.getArguments();
    if (WRITE_METHODS.has(callee.getName())) {
      const receiver = unwrap(callee.getExpression());
      if (!Node.isIdentifier(receiver) || node.getArguments().some(isConnection)) return undefined;
      return { root: receiver, key: callee.getName() === 'set' ? first : undefined };
    }
    if (callee.getText() === 'Object.assign' && first) {
      const target = unwrap(first);
      return Node.isIdentifier(target) ? { root: target, key: undefined } : undefined;
    }
    return undefined;
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getText();
    const compound = COMPOUND_ASSIGNMENTS.has(operator);
    if (!compound && !ASSIGNMENTS.has(operator)) return undefined;
    const target = writtenRoot(node.getLeft());
    // `stats.requests += 1` is a per-process counter; `hits[ip] += 1` is per-client state.
    return target && (!compound || target.keyed) ? { root: target.root, key: undefined } : undefined;
  }
  if (Node.isPostfixUnaryExpression(node) || Node.isPrefixUnaryExpression(node)) {
    const operator = node.getOperatorToken();
    if (operator !== SyntaxKind.PlusPlusToken && operator !== SyntaxKind.MinusMinusToken) return undefined;
    const target = writtenRoot(node.getOperand());
    return target?.keyed ? { root: target.root, key: undefined } : undefined;
  }
  if (Node.isDeleteExpression(node)) {
    const target = writtenRoot(node.getExpression());
    return target ? { root: target.root, key: undefined } : undefined;
  }
  return undefined;
}

/**
 * `clients.add(res)`, `sockets.delete(ws)`: a registry of open connections (SSE, WebSocket) is
 * per-process by nature — a connection cannot move to Redis — so it is not the state this rule
 * is about (broadcasting across replicas needs pub/sub, a different finding).
 */
function isConnection(argument: Node): boolean {
  const value = unwrap(argument);
  return Node.isIdentifier(value) && CONNECTION_NAMES.has(value.getText());
}

/** Top-level `const|let|var x = {} | [] | new Map() | new Set() | new LRUCache()`, by name. */
function moduleCollections(context: CheckContext): Map<string, Collection> {
  const collections = new Map<string, Collection>();
  for (const statement of context.ast().getStatements()) {
    if (!Node.isVariableStatement(statement)) continue;
    for (const declaration of statement.getDeclarations()) {
      const name = declaration.getNameNode();
      const initializer = declaration.getInitializer();
      if (!Node.isIdentifier(name) || !initializer) continue;
      const kind = collectionKind(context, unwrap(initializer));
      if (kind) collections.set(name.getText(), { declaration, bounded: kind === 'lru' });
    }
  }
  return collections;
}

function collectionKind(context: CheckContext, value: Node): 'plain' | 'lru' | undefined {
  if (Node.isObjectLiteralExpression(value) || Node.isArrayLiteralExpression(value)) return 'plain';
  if (!Node.isNewExpression(value)) return undefined;
  const constructor = unwrap(value.getExpression());
  if (Node.isIdentifier(constructor) && (constructor.getText() === 'Map' || constructor.getText() === 'Set')) return 'plain';
  return moduleReference(context, constructor)?.module === 'lru-cache' ? 'lru' : undefined;
}

/**
 * The module-level name a write lands in: `x[k]`, `x.prop`, `x[a][b]` → `x`; `keyed` when an
 * element access (`x[k]`) is on the way. A bare `x = …` is not a write into the collection.
 */
function writtenRoot(target: Node): { root: Identifier; keyed: boolean } | undefined {
  let current = unwrap(target);
  let keyed = false;
  let depth = 0;
  while (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current)) {
    if (Node.isElementAccessExpression(current)) keyed = true;
    current = unwrap(current.getExpression());
    depth++;
  }
  return depth > 0 && Node.isIdentifier(current) ? { root: current, keyed } : undefined;
}

/** True when a key expression names a user, session or token (identifiers, property names, literal text). */
function mentionsUser(key: Node): boolean {
  const parts: string[] = [];
  for (const node of [key, ...key.getDescendants()]) {
    if (Node.isIdentifier(node)) parts.push(node.getText());
    else if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) parts.push(node.getLiteralValue());
    else if (Node.isTemplateHead(node) || Node.isTemplateMiddle(node) || Node.isTemplateTail(node)) parts.push(node.getLiteralText());
  }
  return parts.some((part) => words(part).some((word) => USER_KEY_WORDS.has(word)));
}

/** `sessionID` → session, id; `req.user-id` → req, user, id; `userId` → user, id (and `userid`). */
function words(text: string): string[] {
  const split = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return [...split, ...joined];
}
