import type { Identifier, VariableDeclaration } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { unwrap } from '../../../src/languages/javascript/constants.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';
import { enclosingHandler, requestHandlers } from '../../../src/languages/javascript/request-handlers.ts';
import { isShadowed } from '../../../src/languages/javascript/is-shadowed.ts';

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

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const collections = moduleCollections(context);
    if (collections.size === 0) return;
    const handlers = requestHandlers(context);
    if (handlers.size === 0) return;
    const firstWrite = new Map<string, number>();
    const note = (root: Identifier, write: Node, key: Node | undefined) => {
      const collection = collections.get(root.getText());
      if (!collection || isShadowed(root)) return;
      if (collection.bounded && (key === undefined || !mentionsUser(key))) return;
      const known = firstWrite.get(root.getText());
      if (known === undefined || write.getStart() < known) firstWrite.set(root.getText(), write.getStart());
    };
    // Only the handlers' own subtrees are walked (outermost handlers: nested ones are inside them).
    for (const handler of handlers) {
      if (enclosingHandler(handler, handlers)) continue;
      handler.forEachDescendant((node) => {
        const write = writeIn(node);
        if (write) note(write.root, node, write.key);
      });
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
  },
});

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
