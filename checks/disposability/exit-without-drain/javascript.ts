import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { literalValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { resolveReference } from '../../../src/languages/javascript/imports.ts';
import { enclosingFunction, localFunction } from '../../../src/languages/javascript/local-function.ts';
import { fileLongRunningSites, importsLongRunningModule } from '../../../src/languages/javascript/long-running-sites.ts';
import { isOneOffScriptPath } from '../../support/one-off-script-path.ts';
import { handlesShutdownSignal, signalRegistrations } from '../../../src/languages/javascript/signal-registrations.ts';

/** Methods that stop a server, consumer, pool or client (a leading `$`, as in Prisma's `$disconnect`, is ignored). */
const DRAIN_METHODS = new Set([
  'close',
  'closeAll',
  'closeAllConnections',
  'closeIdleConnections',
  'stop',
  'disconnect',
  'end',
  'drain',
  'quit',
  'shutdown',
  'terminate',
  'destroy',
  'dispose',
  'pause',
]);
/** Names of helpers that, by their name, close or drain something (`gracefulShutdown`, `closeDb`). */
const DRAIN_WORDS = /close|stop|shutdown|disconnect|drain|terminate|quit|teardown|dispose|clean-?up|destroy|graceful/i;
/** Calls that neither drain anything nor could hide a drain: logging, timers, promise plumbing. */
const NEUTRAL_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'notice', 'verbose', 'silly', 'flush',
  'unref', 'ref', 'then', 'catch', 'finally', 'bind', 'call', 'apply',
  'forEach', 'map', 'filter', 'all', 'allSettled', 'race', 'any', 'resolve', 'reject',
  'removeAllListeners', 'removeListener', 'off', 'stringify', 'now', 'toString', 'toISOString', 'write',
]);
const NEUTRAL_FUNCTIONS = new Set([
  'setTimeout', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'sleep', 'delay', 'wait',
  'debug', 'log', 'String', 'Number', 'Boolean', 'Promise',
]);
const TIMERS = new Set(['setTimeout', 'setImmediate']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
const PROCESS_NAMES = new Set(['process', 'globalThis.process', 'global.process']);
/** How deep calls to functions of the same file are followed. */
const MAX_DEPTH = 3;
/** How many handler functions (registered or delegated to) one file may have analysed: a bound on odd code. */
const MAX_HANDLERS = 20;

type Effect = 'drain' | 'unknown' | 'neutral';

interface Finding {
  node: Node;
  messageId: 'noClose' | 'closeNotAwaited';
  call?: string;
}

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!context.text.includes('SIG')) return;
    const registrations = signalRegistrations(context.ofKind(SyntaxKind.CallExpression)).filter(handlesShutdownSignal);
    if (registrations.length === 0) return;
    const handlesSigterm = registrations.some((registration) => registration.signals?.includes('SIGTERM') === true);
    const findings: Finding[] = [];
    const queue: Node[] = [];
    const queued = new Set<Node>();
    const enqueue = (fn: Node) => {
      if (queued.has(fn)) return;
      queued.add(fn);
      queue.push(fn);
    };
    for (const { handler } of registrations) {
      if (!handler) continue;
      if (isExitReference(context, unwrap(handler))) {
        findings.push({ node: handler, messageId: 'noClose' });
        continue;
      }
      const fn = handlerFunction(unwrap(handler));
      if (fn) enqueue(fn);
    }
    for (let index = 0; index < queue.length && index < MAX_HANDLERS; index++) {
      analyseHandler(context, queue[index]!, findings, enqueue, handlesSigterm);
    }
    if (findings.length === 0 || (isOneOffScriptPath(context.path) && fileLongRunningSites(context).length === 0)) return;
    const reported = new Set<number>();
    for (const finding of findings) {
      if (finding.messageId === 'noClose' && !servesHere(context)) continue;
      if (reported.has(finding.node.getStart())) continue;
      reported.add(finding.node.getStart());
      context.report(
        finding.call === undefined
          ? { node: finding.node, messageId: finding.messageId }
          : { node: finding.node, messageId: finding.messageId, data: { call: finding.call } },
      );
    }
  },
});

/**
 * Exiting without closing anything matters where there is something to close: the file starts
 * a server or consumer, or imports the module that does. A CLI may exit on Ctrl-C as it likes.
 */
function servesHere(context: CheckContext): boolean {
  return fileLongRunningSites(context).length > 0 || context.perFile('exit-without-drain:imports-server', () => importsLongRunningModule(context));
}

/** The function a handler argument runs: inline, a function of this file by name, or `fn.bind(…)`. */
function handlerFunction(handler: Node): Node | undefined {
  if (Node.isArrowFunction(handler) || Node.isFunctionExpression(handler)) return handler;
  if (Node.isIdentifier(handler)) return localFunction(handler);
  if (Node.isCallExpression(handler)) {
    const callee = unwrap(handler.getExpression());
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind') return localFunction(unwrap(callee.getExpression()));
  }
  return undefined;
}

function analyseHandler(context: CheckContext, fn: Node, findings: Finding[], enqueue: (fn: Node) => void, handlesSigterm: boolean): void {
  const calls = fn.getDescendantsOfKind(SyntaxKind.CallExpression);
  const drainsSomewhere = () => calls.some((call) => !isExitCall(context, call) && effectOf(context, call, 0, new Set()) !== 'neutral');
  for (const call of calls) {
    const owner = enclosingFunction(call);
    if (isExitCall(context, call)) {
      if (owner === fn) {
        const finding = judgeExit(context, call, fn, () => drainsSomewhere() && !(handlesSigterm && onSigtermOnly(call, fn)));
        if (finding) findings.push(finding);
      } else if (owner && isForcedExitTimer(owner, fn) && !drainsSomewhere()) {
        findings.push({ node: call, messageId: 'noClose' });
      }
      continue;
    }
    // `() => shutdown('SIGTERM')`: a function of this file called before anything else happens
    // is the real handler.
    if (owner !== fn) continue;
    const callee = unwrap(call.getExpression());
    const delegate = Node.isIdentifier(callee) ? localFunction(callee) : undefined;
    if (delegate && summarise(context, before(call, fn).nodes).every((effect) => effect.kind === 'neutral')) enqueue(delegate);
  }
}

/**
 * Decides about an exit that runs in sequence in the handler itself; `guardedBesideDrain` tells
 * whether a conditional exit is a guard beside a real drain (a second signal, a failed close).
 */
function judgeExit(context: CheckContext, exit: CallExpression, fn: Node, guardedBesideDrain: () => boolean): Finding | undefined {
  const { nodes, conditional } = before(exit, fn);
  const effects = summarise(context, nodes);
  if (effects.some((effect) => effect.awaited && effect.kind !== 'neutral')) return undefined;
  const pending = effects.find((effect) => effect.kind === 'drain');
  if (pending) return { node: exit, messageId: 'closeNotAwaited', call: pending.name };
  if (effects.some((effect) => effect.kind === 'unknown')) return undefined;
  // `if (shuttingDown) process.exit(1)` or an exit in `catch`: a guard beside a real drain.
  if (conditional && guardedBesideDrain()) return undefined;
  return { node: exit, messageId: 'noClose' };
}

/**
 * The code that runs before `node` in its function, statement by statement up to `fn`, and
 * whether `node` runs only under a condition (an `if`, `catch`, `case`, `&&`, loop).
 */
function before(node: Node, fn: Node): { nodes: Node[]; conditional: boolean } {
  const nodes: Node[] = [];
  let conditional = false;
  let current = node;
  for (let parent = current.getParent(); parent && current !== fn; current = parent, parent = parent.getParent()) {
    if (Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent) || Node.isSourceFile(parent)) {
      for (const statement of parent.getStatements()) {
        if (statement === current) break;
        nodes.push(statement);
      }
      if (Node.isCaseClause(parent) || Node.isDefaultClause(parent)) conditional = true;
    } else if (Node.isIfStatement(parent)) {
      if (current !== parent.getExpression()) {
        nodes.push(parent.getExpression());
        conditional = true;
      }
    } else if (Node.isTryStatement(parent)) {
      if (current === parent.getFinallyBlock()) nodes.push(parent.getTryBlock());
      if (current === parent.getCatchClause()) {
        nodes.push(parent.getTryBlock());
        conditional = true;
      }
    } else if (Node.isConditionalExpression(parent)) {
      if (current !== parent.getCondition()) {
        nodes.push(parent.getCondition());
        conditional = true;
      }
    } else if (Node.isBinaryExpression(parent)) {
      if (current === parent.getRight()) {
        nodes.push(parent.getLeft());
        const operator = parent.getOperatorToken().getKind();
        if (operator !== SyntaxKind.CommaToken) conditional = true;
      }
    } else if (Node.isSwitchStatement(parent)) {
      nodes.push(parent.getExpression());
    } else if (
      Node.isWhileStatement(parent) ||
      Node.isDoStatement(parent) ||
      Node.isForStatement(parent) ||
      Node.isForOfStatement(parent) ||
      Node.isForInStatement(parent)
    ) {
      conditional = true;
    }
  }
  return { nodes, conditional };
}

/**
 * True when the branch `exit` runs in is taken for SIGTERM alone — `if (signal === 'SIGTERM')`,
 * the `else` of `signal === 'SIGINT'`, `case 'SIGTERM':` — so the drain beside it serves only
 * the other signal: the one deploys send exits at once.
 */
function onSigtermOnly(exit: Node, fn: Node): boolean {
  let current = exit;
  for (let parent = current.getParent(); parent && current !== fn; current = parent, parent = parent.getParent()) {
    if (Node.isIfStatement(parent) && current !== parent.getExpression()) {
      if (testsSignal(parent.getExpression(), current === parent.getThenStatement())) return true;
    } else if (Node.isConditionalExpression(parent) && current !== parent.getCondition()) {
      if (testsSignal(parent.getCondition(), current === parent.getWhenTrue())) return true;
    } else if (Node.isBinaryExpression(parent) && current === parent.getRight() && parent.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken) {
      if (testsSignal(parent.getLeft(), true)) return true;
    } else if (Node.isCaseClause(parent)) {
      if (literalValue(parent.getExpression()) === 'SIGTERM') return true;
    }
  }
  return false;
}

/** `x === 'SIGTERM'` holding (or `x === 'SIGINT'` failing, `x !== …` the other way round) when `outcome` is the branch taken. */
function testsSignal(condition: Node, outcome: boolean): boolean {
  const test = unwrap(condition);
  if (!Node.isBinaryExpression(test)) return false;
  const operator = test.getOperatorToken().getText();
  const equal = operator === '===' || operator === '==';
  if (!equal && operator !== '!==' && operator !== '!=') return false;
  const signal = [test.getLeft(), test.getRight()].map((side) => literalValue(side)).find((value) => value === 'SIGTERM' || value === 'SIGINT');
  if (signal === undefined) return false;
  const holds = equal === outcome;
  return signal === 'SIGTERM' ? holds : !holds;
}

interface CallEffect {
  kind: Effect;
  awaited: boolean;
  name: string;
}

/** What the calls of `nodes` do, each marked awaited when an `await` of the handler itself covers it. */
function summarise(context: CheckContext, nodes: readonly Node[]): CallEffect[] {
  const effects: CallEffect[] = [];
  for (const root of nodes) {
    const fn = enclosingFunction(root);
    const calls = Node.isCallExpression(root) ? [root, ...root.getDescendantsOfKind(SyntaxKind.CallExpression)] : root.getDescendantsOfKind(SyntaxKind.CallExpression);
    for (const call of calls) {
      if (isExitCall(context, call)) continue;
      effects.push({ kind: effectOf(context, call, 0, new Set()), awaited: awaitedIn(call, root, fn), name: calleeName(call) });
    }
    // `await closing` of a promise held in a variable: it may well be the drain.
    const awaits = Node.isAwaitExpression(root) ? [root, ...root.getDescendantsOfKind(SyntaxKind.AwaitExpression)] : root.getDescendantsOfKind(SyntaxKind.AwaitExpression);
    for (const awaited of awaits) {
      if (enclosingFunction(awaited) !== fn) continue;
      const operand = unwrap(awaited.getExpression());
      if (!Node.isCallExpression(operand) && operand.getDescendantsOfKind(SyntaxKind.CallExpression).length === 0) {
        effects.push({ kind: 'unknown', awaited: true, name: operand.getText() });
      }
    }
  }
  return effects;
}

/** True when an `await` at the level of `fn` (the function `root` runs in) covers `call`. */
function awaitedIn(call: Node, root: Node, fn: Node | undefined): boolean {
  for (let current: Node | undefined = call; current; current = current.getParent()) {
    if (Node.isAwaitExpression(current) && enclosingFunction(current) === fn) return true;
    if (current === root) return false;
  }
  return false;
}

/** Whether a call closes something, might (an unknown function), or surely does not. */
function effectOf(context: CheckContext, call: CallExpression, depth: number, seen: Set<Node>): Effect {
  if (isExitCall(context, call)) return 'neutral';
  const callee = unwrap(call.getExpression());
  if (Node.isPropertyAccessExpression(callee)) {
    const name = callee.getName().replace(/^\$/, '');
    if (rootName(callee) === 'console') return 'neutral';
    if (DRAIN_METHODS.has(name) || DRAIN_WORDS.test(name)) return 'drain';
    if (PROMISE_COMBINATORS.has(name) && rootName(callee) === 'Promise') return combinedEffect(call);
    if (NEUTRAL_METHODS.has(name)) return 'neutral';
    return 'unknown';
  }
  if (Node.isIdentifier(callee)) {
    const name = callee.getText();
    if (NEUTRAL_FUNCTIONS.has(name)) return 'neutral';
    const local = localFunction(callee);
    if (local) {
      if (depth >= MAX_DEPTH || seen.has(local)) return 'unknown';
      seen.add(local);
      let effect: Effect = 'neutral';
      for (const inner of local.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const innerEffect = effectOf(context, inner, depth + 1, seen);
        if (innerEffect === 'drain') return 'drain';
        if (innerEffect === 'unknown') effect = 'unknown';
      }
      return effect;
    }
    return DRAIN_WORDS.test(name) ? 'drain' : 'unknown';
  }
  return 'unknown';
}

/**
 * `Promise.all([a(), b()])` adds nothing to the calls it lists (each is judged itself);
 * `Promise.all(closers)` or `Promise.allSettled(tasks.map(…))` waits for promises made elsewhere,
 * which may well be the closes.
 */
function combinedEffect(call: CallExpression): Effect {
  const [first] = call.getArguments();
  const list = first && unwrap(first);
  return list && Node.isArrayLiteralExpression(list) && list.getElements().every((element) => Node.isCallExpression(unwrap(element))) ? 'neutral' : 'unknown';
}

function rootName(expression: Node): string {
  let current = expression;
  while (Node.isPropertyAccessExpression(current) || Node.isCallExpression(current) || Node.isElementAccessExpression(current)) {
    current = unwrap(current.getExpression());
  }
  return current.getText();
}

/** `server.close`, `shutdown`: the callee as written, kept short for messages. */
function calleeName(call: CallExpression): string {
  const text = call.getExpression().getText().replace(/\s+/g, '');
  return text.length > 40 ? `…${text.slice(-39)}` : text;
}

/** `process.exit(…)`, or `exit(…)` imported from `node:process`. */
function isExitCall(context: CheckContext, call: CallExpression): boolean {
  return isExitReference(context, unwrap(call.getExpression()));
}

function isExitReference(context: CheckContext, expression: Node): boolean {
  if (Node.isPropertyAccessExpression(expression)) {
    return expression.getName() === 'exit' && PROCESS_NAMES.has(unwrap(expression.getExpression()).getText());
  }
  if (Node.isIdentifier(expression) && expression.getText() === 'exit') {
    const reference = resolveReference(context, expression);
    return reference?.module === 'process' && reference.path.length === 1 && reference.path[0] === 'exit';
  }
  return false;
}

/** `setTimeout(() => process.exit(1), n)` started by the handler itself: the forced-exit timer. */
function isForcedExitTimer(owner: Node, fn: Node): boolean {
  const parent = owner.getParent();
  if (!parent || !Node.isCallExpression(parent) || parent.getArguments()[0] !== owner) return false;
  const callee = unwrap(parent.getExpression());
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
  return TIMERS.has(name) && enclosingFunction(parent) === fn;
}
