import type { CallExpression, NewExpression } from 'ts-morph';

/**
 * Where a finding about a call sits: the whole call when it fits on one line, otherwise its
 * callee (`session` of a multi-line `session({ … })`), so the review comment lands on one line.
 */
export function callRange(call: CallExpression | NewExpression): [number, number] {
  if (call.getStartLineNumber() === call.getEndLineNumber()) return [call.getStart(), call.getEnd()];
  return [call.getStart(), call.getExpression().getEnd()];
}
