import type { CallExpression, ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { propertyValue, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { moduleReference, usesAnyModule } from '../../../src/languages/javascript/module-reference.ts';

const EXPRESS_SESSION = 'express-session';
const FASTIFY_SESSIONS = ['@fastify/session', 'fastify-session'];
const SESSION_MODULES = [EXPRESS_SESSION, ...FASTIFY_SESSIONS];

/** What the options of one session set-up say about its store. */
type StoreVerdict = 'default' | 'memory' | 'given' | 'unknown';

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!usesAnyModule(context, SESSION_MODULES)) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const setup = sessionSetup(context, call);
      if (!setup) continue;
      const verdict = setup.options ? storeVerdict(context, setup.options) : 'default';
      if (verdict !== 'default' && verdict !== 'memory') continue;
      context.report({
        range: callRange(call),
        messageId: verdict === 'memory' ? 'memoryStore' : 'defaultStore',
        data: { package: setup.module },
      });
    }
  },
});

/** `session(options)` of express-session, or `fastify.register(fastifySession, options)`. */
function sessionSetup(context: CheckContext, call: CallExpression): { module: string; options: Node | undefined } | undefined {
  const callee = call.getExpression();
  const [first, second] = call.getArguments();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'register') {
    if (!first) return undefined;
    const plugin = moduleReference(context, first);
    if (!plugin || !FASTIFY_SESSIONS.includes(plugin.module) || !isDefaultExport(plugin.path)) return undefined;
    return { module: plugin.module, options: second };
  }
  const reference = moduleReference(context, callee);
  if (!reference || reference.module !== EXPRESS_SESSION || !isDefaultExport(reference.path)) return undefined;
  return { module: EXPRESS_SESSION, options: first };
}

function isDefaultExport(path: readonly string[]): boolean {
  return path.length === 0 || (path.length === 1 && (path[0] === 'default' || path[0] === 'fastifySession'));
}

function storeVerdict(context: CheckContext, options: Node): StoreVerdict {
  const value = resolveValue(options);
  if (!Node.isObjectLiteralExpression(value)) return 'unknown';
  const store = propertyValue(value, 'store');
  if (store) return isMemoryStore(context, store) ? 'memory' : 'given';
  if (hasOpaqueSpread(value) || storeAssignedLater(context, options)) return 'unknown';
  return 'default';
}

/** `new MemoryStore()`, `new session.MemoryStore()`, `new (require('express-session').MemoryStore)()`. */
function isMemoryStore(context: CheckContext, store: Node): boolean {
  const value = resolveValue(store);
  if (!Node.isNewExpression(value)) return false;
  const reference = moduleReference(context, unwrap(value.getExpression()));
  return reference !== undefined && SESSION_MODULES.includes(reference.module) && reference.path.at(-1) === 'MemoryStore';
}

/** A spread whose object we cannot see may carry a `store`. */
function hasOpaqueSpread(object: ObjectLiteralExpression): boolean {
  return object.getProperties().some((property) => {
    if (!Node.isSpreadAssignment(property)) return false;
    const spread = resolveValue(property.getExpression());
    return !Node.isObjectLiteralExpression(spread) || hasOpaqueSpread(spread);
  });
}

/**
 * `const sess = { secret }; if (prod) sess.store = new RedisStore(…); app.use(session(sess))`:
 * options named by a variable that is completed elsewhere (`sess.store = …`,
 * `Object.assign(sess, …)`) are not judged.
 */
function storeAssignedLater(context: CheckContext, options: Node): boolean {
  const name = unwrap(options);
  if (!Node.isIdentifier(name)) return false;
  const variable = name.getText();
  for (const assignment of context.ofKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = unwrap(assignment.getLeft());
    if (Node.isPropertyAccessExpression(left) && left.getName() === 'store' && unwrap(left.getExpression()).getText() === variable) return true;
    if (Node.isElementAccessExpression(left) && unwrap(left.getExpression()).getText() === variable) return true;
  }
  for (const call of context.ofKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const [target] = call.getArguments();
    if (Node.isPropertyAccessExpression(callee) && callee.getText() === 'Object.assign' && target && unwrap(target).getText() === variable) return true;
  }
  return false;
}
