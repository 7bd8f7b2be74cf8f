import type { CallExpression } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import { literalValue, resolveValue, unwrap } from './constants.ts';

/** `process.on(signal, handler)` and friends. */
export interface SignalRegistration {
  call: CallExpression;
  /** The signal names, or undefined when they are not known statically. */
  signals: readonly string[] | undefined;
  /** The handler argument as written (a function, a name, `process.exit`…), if any. */
  handler: Node | undefined;
}

/** The signals a graceful shutdown must handle: `docker stop` and orchestrators send SIGTERM, Ctrl-C SIGINT. */
export const SHUTDOWN_SIGNALS: ReadonlySet<string> = new Set(['SIGTERM', 'SIGINT']);

const PROCESS_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const PROCESS_NAMES = new Set(['process', 'globalThis.process', 'global.process']);

/**
 * Every listener registration on the process object (`process.on|once|addListener(…)`,
 * `Deno.addSignalListener(…)`) among `calls`, with its signals resolved through constants,
 * `for (const signal of ['SIGTERM', 'SIGINT'])` loops and `[…].forEach((signal) => …)`.
 */
export function signalRegistrations(calls: readonly CallExpression[]): SignalRegistration[] {
  const registrations: SignalRegistration[] = [];
  for (const call of calls) {
    const callee = unwrap(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const receiver = unwrap(callee.getExpression()).getText();
    const method = callee.getName();
    const isProcess = PROCESS_NAMES.has(receiver) && PROCESS_METHODS.has(method);
    const isDeno = receiver === 'Deno' && method === 'addSignalListener';
    if (!isProcess && !isDeno) continue;
    const [signal, handler] = call.getArguments();
    if (!signal) continue;
    registrations.push({ call, signals: signalNames(signal), handler });
  }
  return registrations;
}

/** True when the registration listens for SIGTERM or SIGINT. */
export function handlesShutdownSignal(registration: SignalRegistration): boolean {
  return registration.signals?.some((signal) => SHUTDOWN_SIGNALS.has(signal)) === true;
}

function signalNames(argument: Node): string[] | undefined {
  const value = literalValue(argument);
  if (typeof value === 'string') return [value];
  const node = unwrap(argument);
  if (!Node.isIdentifier(node)) return undefined;
  const name = node.getText();
  for (let scope: Node | undefined = node.getParent(); scope; scope = scope.getParent()) {
    if (Node.isForOfStatement(scope)) {
      const initializer = scope.getInitializer();
      if (Node.isVariableDeclarationList(initializer) && initializer.getDeclarations().some((declaration) => declaration.getName() === name)) {
        return stringsOf(scope.getExpression());
      }
    }
    if (Node.isArrowFunction(scope) || Node.isFunctionExpression(scope) || Node.isFunctionDeclaration(scope)) {
      const parameters = scope.getParameters();
      if (!parameters.some((parameter) => parameter.getName() === name)) continue;
      const parent = scope.getParent();
      if (parameters[0]?.getName() !== name || !parent || !Node.isCallExpression(parent)) return undefined;
      const callee = unwrap(parent.getExpression());
      return Node.isPropertyAccessExpression(callee) && callee.getName() === 'forEach' ? stringsOf(callee.getExpression()) : undefined;
    }
  }
  return undefined;
}

/** The strings of an array literal (or a `const` holding one), if all its elements are strings. */
function stringsOf(expression: Node): string[] | undefined {
  const array = resolveValue(expression);
  if (!Node.isArrayLiteralExpression(array)) return undefined;
  const values = array.getElements().map((element) => literalValue(element));
  return values.every((value): value is string => typeof value === 'string') ? values : undefined;
}
