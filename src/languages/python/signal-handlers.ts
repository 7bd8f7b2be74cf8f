import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { calleeName, keywordArgument, lastPart, positionalArguments, qualifiedName, resolveValue } from './syntax.ts';

/** One registration of a signal handler: `signal.signal(sig, handler)` or `loop.add_signal_handler(sig, callback)`. */
export interface SignalHandler {
  call: Node;
  /** Signal names (`SIGTERM`), or undefined when they are not known statically. */
  signals: readonly string[] | undefined;
  /** The handler as written: a name, a lambda, `self._stop`, `sys.exit`… */
  handler: Node | undefined;
  /** `signal.SIG_DFL` / `signal.SIG_IGN`: restores or ignores the signal, handles nothing. */
  disposition: boolean;
}

/**
 * Every signal handler registration of a module, with its signals resolved through
 * `signal.SIGTERM`, `from signal import SIGTERM`, `signal.Signals.SIGTERM`, module constants and
 * `for sig in (signal.SIGTERM, signal.SIGINT):` loops.
 */
export function signalHandlers(module: PythonModule): SignalHandler[] {
  const registrations: SignalHandler[] = [];
  for (const call of module.calls) {
    const callee = calleeName(module, call);
    const isSignal = callee === 'signal.signal';
    const isLoopHandler = callee !== undefined && callee.includes('.') && lastPart(callee) === 'add_signal_handler';
    if (!isSignal && !isLoopHandler) continue;
    const [signal, handler = isSignal ? keywordArgument(call, 'handler') : undefined] = positionalArguments(call);
    if (!signal) continue;
    const disposition = handler !== undefined && /^signal\.(?:Handlers\.)?SIG_(?:DFL|IGN)$/.test(qualifiedName(module, handler) ?? '');
    registrations.push({ call, signals: signalNames(module, signal), handler, disposition });
  }
  return registrations;
}

/** True when one of the registrations installs a handler for `signal`. */
export function handlesSignal(registration: SignalHandler, signal: string): boolean {
  return !registration.disposition && registration.signals?.includes(signal) === true;
}

function signalNames(module: PythonModule, node: Node): string[] | undefined {
  const single = signalName(module, resolveValue(module, node));
  if (single) return [single];
  if (node.type !== 'identifier') return undefined;
  const values = loopValues(module, node);
  if (!values) return undefined;
  const names = values.map((value) => signalName(module, resolveValue(module, value)));
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/** `signal.SIGTERM`, `signal.Signals.SIGTERM` → `SIGTERM`. */
function signalName(module: PythonModule, node: Node): string | undefined {
  const name = qualifiedName(module, node);
  if (!name?.startsWith('signal.')) return undefined;
  const last = lastPart(name)!;
  return /^SIG[A-Z0-9]+$/.test(last) && !last.startsWith('SIG_') ? last : undefined;
}

/** The items a `for` loop binds `name` to, when it iterates over a literal tuple, list or set (or a constant holding one). */
function loopValues(module: PythonModule, name: Node): Node[] | undefined {
  for (let scope = name.parent; scope; scope = scope.parent) {
    if (scope.type === 'function_definition' || scope.type === 'lambda') return undefined;
    if (scope.type !== 'for_statement' || scope.childForFieldName('left')?.text !== name.text) continue;
    const written = scope.childForFieldName('right');
    const iterable = written ? resolveValue(module, written) : undefined;
    if (!iterable || !['tuple', 'list', 'set'].includes(iterable.type)) return undefined;
    return iterable.namedChildren.filter((item): item is Node => item !== null && item.type !== 'comment');
  }
  return undefined;
}
