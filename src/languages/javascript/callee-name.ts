import type { CallExpression, NewExpression } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import { unwrap } from './constants.ts';

/**
 * The last name of a call's callee (`writeFileSync` of `fs.promises.writeFileSync(…)`,
 * `setInterval` of `setInterval(…)`), or '' — a cheap filter before resolving modules.
 */
export function calleeName(call: CallExpression | NewExpression): string {
  const callee = unwrap(call.getExpression());
  if (Node.isIdentifier(callee)) return callee.getText();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return '';
}
