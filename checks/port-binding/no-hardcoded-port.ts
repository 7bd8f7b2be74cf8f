import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../src/engine/lazy-ts-morph.ts';
import { defineCheck } from '../define-check.ts';
import { literalValue, propertyValue, readsEnvironment, resolveValue, unwrap } from '../support/constants.ts';

const HIGHEST_PORT = 65_535;

export default defineCheck({
  id: 'port-binding/no-hardcoded-port',
  meta: {
    factor: 7,
    severity: 'error',
    title: 'Server listens on a hard-coded port',
    description:
      'A twelve-factor app is self-contained and exports its service by binding to a port the environment assigns (PORT). A literal port collides with other processes on the same host and cannot be changed by the platform without a code change.',
    fix: 'Read the port from the environment: `listen(Number(process.env.PORT ?? 3000))`.',
    kinds: ['script'],
    needs: 'ast',
    fixable: true,
    messages: {
      literal: 'Port binding (VII): server listens on hard-coded port {{port}}; read it from process.env.PORT.',
    },
  },
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
