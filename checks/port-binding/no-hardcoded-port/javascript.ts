import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { literalValue, propertyValue, readsEnvironment, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';

const HIGHEST_PORT = 65_535;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen') continue;
      const hardcoded = hardcodedPort(call);
      if (!hardcoded) continue;
      const { argument, port } = hardcoded;
      context.report({
        range: [call.getStart(), argument.getEnd()],
        messageId: 'literal',
        data: { port },
        fix: {
          description: 'Read the port from the environment',
          edits: [{ start: argument.getStart(), end: argument.getEnd(), text: `Number(process.env.PORT ?? ${argument.getText()})` }],
        },
      });
    }
  },
});

/** The argument that carries a literal port, when no environment lookup is involved. */
function hardcodedPort(call: CallExpression): { argument: Node; port: number } | undefined {
  const [first] = call.getArguments();
  if (!first) return undefined;
  const value = resolveValue(first);
  if (Node.isObjectLiteralExpression(value)) {
    const port = propertyValue(value, 'port');
    if (!port || readsEnvironment(port)) return undefined;
    const number = asPort(literalValue(port));
    return number === undefined ? undefined : { argument: unwrap(port), port: number };
  }
  if (readsEnvironment(first)) return undefined;
  const number = asPort(literalValue(first));
  return number === undefined ? undefined : { argument: unwrap(first), port: number };
}

/** A TCP port other than 0 (0 asks the OS for a free port: not hard-coded). */
function asPort(value: string | number | undefined): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= HIGHEST_PORT ? number : undefined;
}
