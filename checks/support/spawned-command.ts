import type { CallExpression } from 'ts-morph';
import { Node } from '../../src/engine/lazy-ts-morph.ts';
import type { CheckContext } from '../define-check.ts';
import { resolveValue, unwrap } from './constants.ts';
import { moduleReference } from './module-reference.ts';
import { DYNAMIC, staticText } from './static-text.ts';

/** A child process a call starts, and the command as far as it is known statically. */
export interface SpawnedCommand {
  /** `exec`, `spawnSync`, `execa`…: the function called. */
  via: string;
  /** The command line, run-time parts as `DYNAMIC` (see static-text.ts); undefined when not known at all. */
  text: string | undefined;
}

const CHILD_PROCESS = new Set(['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']);
const EXECA = new Set(['execa', 'execaSync', 'execaCommand', 'execaCommandSync', 'execaNode', '$']);

/**
 * The command a call runs in a child process: `child_process` exec/spawn/execFile/fork (sync or
 * not, also `promisify(exec)`), execa, shelljs `exec`. Undefined for any other call.
 */
export function spawnedCommand(context: CheckContext, call: CallExpression): SpawnedCommand | undefined {
  const via = spawnFunction(context, call.getExpression(), 0);
  if (!via) return undefined;
  const [first, second] = call.getArguments();
  let text = first ? staticText(first) : undefined;
  if (text !== undefined && (via === 'fork' || via === 'execaNode')) text = `node ${text}`;
  const list = second && unwrap(second);
  if (text !== undefined && list && Node.isArrayLiteralExpression(list)) {
    text += ` ${list.getElements().map((element) => staticText(element) ?? DYNAMIC).join(' ')}`;
  }
  return { via, text };
}

function spawnFunction(context: CheckContext, callee: Node, depth: number): string | undefined {
  const reference = moduleReference(context, callee);
  if (reference) {
    const name = reference.path.at(-1) ?? (reference.module === 'execa' ? 'execa' : undefined);
    if (name === undefined || reference.path.length > 1) return undefined;
    if (reference.module === 'child_process' && CHILD_PROCESS.has(name)) return name;
    if (reference.module === 'execa' && EXECA.has(name)) return name;
    if (reference.module === 'shelljs' && name === 'exec') return name;
    return undefined;
  }
  // `const run = promisify(exec)`, `util.promisify(child_process.execFile)`.
  if (depth > 0) return undefined;
  const value = resolveValue(unwrap(callee));
  if (!Node.isCallExpression(value)) return undefined;
  const wrapper = unwrap(value.getExpression());
  const name = Node.isIdentifier(wrapper) ? wrapper.getText() : Node.isPropertyAccessExpression(wrapper) ? wrapper.getName() : '';
  const [wrapped] = value.getArguments();
  return name === 'promisify' && wrapped ? spawnFunction(context, wrapped, depth + 1) : undefined;
}
