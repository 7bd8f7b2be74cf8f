import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { exitCalls, isExit } from '../../../src/languages/python/exit-calls.ts';
import { functionNamed } from '../../../src/languages/python/function-named.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { servingSites, type ServingSite } from '../../../src/languages/python/serving-sites.ts';
import { signalHandlers } from '../../../src/languages/python/signal-handlers.ts';
import { calleeName, dottedName, enclosingFunction, keywordArgument, lastPart, positionalArguments, qualifiedName } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

const SHUTDOWN_SIGNALS = new Set(['SIGTERM', 'SIGINT']);
/** Calls after which the work has stopped: joining the serving thread, `shutdown()` of a server serving in another thread. */
const WAITING_METHODS = new Set(['join', 'shutdown']);
const EXIT_REFERENCES = new Set(['sys.exit', 'os._exit']);
/** Awaited calls after which servers, consumers or the tasks closing them have finished. */
const AWAITED_DRAINS = new Set(['gather', 'wait', 'wait_for', 'wait_closed', 'close', 'aclose', 'cleanup', 'shutdown', 'stop', 'disconnect', 'drain', 'join', 'terminate']);
/** Calls that run a coroutine or callback soon: the function they are given is part of the handler. */
const SCHEDULERS = new Set(['create_task', 'ensure_future', 'run_coroutine_threadsafe', 'call_soon', 'call_soon_threadsafe']);
/** How deep functions a handler calls or schedules are followed. */
const MAX_DEPTH = 2;

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    const sites = servingSites(module).filter((site) => site.kind !== 'self-draining');
    const running = sites[0];
    if (!running) return;
    const seen = new Set<number>();
    for (const registration of signalHandlers(module)) {
      const { handler } = registration;
      if (!handler || registration.disposition || !registration.signals?.some((signal) => SHUTDOWN_SIGNALS.has(signal))) continue;
      if (EXIT_REFERENCES.has(qualifiedName(module, handler) ?? '')) {
        context.report({ range: [handler.startIndex, handler.endIndex], messageId: 'exitPython', data: { call: handler.text, what: running.label } });
        continue;
      }
      const body = handlerBody(module, handler, registration.call);
      if (!body || seen.has(body.id)) continue;
      seen.add(body.id);
      const deadlock = deadlockingShutdown(module, body, sites);
      if (deadlock) {
        context.report({ range: [deadlock.startIndex, deadlock.endIndex], messageId: 'shutdownDeadlock', data: { call: deadlock.childForFieldName('function')!.text } });
        continue;
      }
      const exit = undrainedExit(module, body, 0, new Set());
      if (exit) context.report({ range: [exit.startIndex, exit.endIndex], messageId: 'exitPython', data: { call: exitName(module, exit), what: running.label } });
    }
  },
});

/** The code a handler runs: a lambda, a function of the module, a method of the registering class, the function of a `partial`. */
function handlerBody(module: PythonModule, handler: Node, registration: Node): Node | undefined {
  if (handler.type === 'lambda') return handler;
  if (handler.type === 'call' && lastPart(calleeName(module, handler)) === 'partial') {
    const [wrapped] = positionalArguments(handler);
    return wrapped ? handlerBody(module, wrapped, registration) : undefined;
  }
  const name = dottedName(handler);
  if (name === undefined) return undefined;
  if (!name.includes('.')) return functionNamed(module, name);
  const [receiver, method, ...rest] = name.split('.');
  if (receiver !== 'self' || rest.length > 0) return undefined;
  const klass = enclosingFunction(registration)?.parent?.parent;
  if (klass?.type !== 'class_definition') return undefined;
  return klass.descendantsOfType('function_definition').find((definition) => definition?.childForFieldName('name')?.text === method) ?? undefined;
}

/** `server.shutdown()` in a handler, while that server's `serve_forever()` runs in the thread the handler interrupts. */
function deadlockingShutdown(module: PythonModule, body: Node, sites: readonly ServingSite[]): Node | undefined {
  for (const call of body.descendantsOfType('call')) {
    if (!call || lastPart(calleeName(module, call)) !== 'shutdown') continue;
    const receiver = call.childForFieldName('function')?.childForFieldName('object')?.text;
    if (receiver === undefined) continue;
    const serving = sites.find((site) => site.kind === 'server' && site.node.type === 'call' && site.node.childForFieldName('function')?.childForFieldName('object')?.text === receiver);
    if (serving && !runsInThread(module, serving.node)) return call;
  }
  return undefined;
}

/** The serving call sits in a function some `Thread(target=…)` runs. */
function runsInThread(module: PythonModule, call: Node): boolean {
  const name = enclosingFunction(call)?.childForFieldName('name')?.text;
  if (name === undefined) return false;
  return module.calls.some((candidate) => dottedName(keywordArgument(candidate, 'target')) === name);
}

/**
 * The first exit the handler reaches without waiting for the work to stop: in its own code, or in
 * a function of the module it calls or schedules (`asyncio.create_task(shutdown())`), bounded.
 */
function undrainedExit(module: PythonModule, body: Node, depth: number, seen: Set<number>): Node | undefined {
  seen.add(body.id);
  const exit = exitCalls(module, body).find((candidate) => !waitsBefore(module, body, candidate));
  if (exit || depth >= MAX_DEPTH) return exit;
  for (const fn of functionsRun(module, body)) {
    if (seen.has(fn.id)) continue;
    const found = undrainedExit(module, fn, depth + 1, seen);
    if (found) return found;
  }
  return undefined;
}

/** Functions of the module a handler runs: called by name, or scheduled (`loop.create_task(stop())`, `call_soon(stop)`). */
function functionsRun(module: PythonModule, body: Node): Node[] {
  const functions: Node[] = [];
  for (const call of body.descendantsOfType('call')) {
    if (!call || enclosingFunction(call)?.id !== (body.type === 'lambda' ? enclosingFunction(body)?.id : body.id)) continue;
    let target: Node | null | undefined = call.childForFieldName('function');
    if (SCHEDULERS.has(lastPart(dottedName(target)) ?? '')) {
      const [first] = positionalArguments(call);
      target = first?.type === 'call' ? first.childForFieldName('function') : first;
    }
    const fn = target?.type === 'identifier' ? functionNamed(module, target.text) : undefined;
    if (fn) functions.push(fn);
  }
  return functions;
}

/**
 * True when the handler waits for the work to stop before `exit`: `thread.join()`, a threaded
 * server's `shutdown()`, or an awaited close (`await asyncio.gather(*closers)`, `await
 * server.wait_closed()`, `await runner.cleanup()`).
 */
function waitsBefore(module: PythonModule, body: Node, exit: Node): boolean {
  const before = (node: Node | null): node is Node => node !== null && node.endIndex <= exit.startIndex;
  if (body.descendantsOfType('call').some((call) => before(call) && WAITING_METHODS.has(lastPart(calleeName(module, call)) ?? ''))) return true;
  return body.descendantsOfType('await').some((awaited) => {
    const call = before(awaited) ? awaited.namedChild(0) : null;
    return call?.type === 'call' && AWAITED_DRAINS.has(lastPart(dottedName(call.childForFieldName('function'))) ?? '');
  });
}

function exitName(module: PythonModule, exit: Node): string {
  if (exit.type === 'raise_statement' || !isExit(module, exit)) return 'raise SystemExit';
  return `${exit.childForFieldName('function')!.text}()`;
}
