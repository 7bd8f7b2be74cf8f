import type { CallExpression } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { unwrap } from './constants.ts';
import { childProcessFunction } from './shell-invocations.ts';
import { DYNAMIC, staticText } from './static-text.ts';

/** A child process a call starts, and the command as far as it is known statically. */
export interface SpawnedCommand {
  /** `exec`, `spawnSync`, `execa`…: the function called. */
  via: string;
  /** The command line, run-time parts as `DYNAMIC` (see static-text.ts); undefined when not known at all. */
  text: string | undefined;
}

/**
 * The command a call runs in a child process: `child_process` exec/spawn/execFile/fork (sync or
 * not, also `promisify(exec)`), execa, shelljs `exec`. Undefined for any other call.
 */
export function spawnedCommand(context: CheckContext, call: CallExpression): SpawnedCommand | undefined {
  const via = childProcessFunction(context, call.getExpression())?.name;
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
