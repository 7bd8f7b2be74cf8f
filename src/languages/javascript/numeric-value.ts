import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import { resolveValue } from './constants.ts';

/** How deep arithmetic evaluation goes (`5 * 60 * 1000` is three levels). */
const MAX_DEPTH = 8;

/**
 * The value of a numeric constant expression after `const` propagation: literals and
 * `+ - * /` of them (`5 * 60 * 1000`, `MINUTE * 15`). Undefined for anything else.
 */
export function numericValue(node: Node, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = resolveValue(node);
  if (Node.isNumericLiteral(value)) return value.getLiteralValue();
  if (Node.isBinaryExpression(value)) {
    const left = numericValue(value.getLeft(), depth + 1);
    const right = numericValue(value.getRight(), depth + 1);
    if (left === undefined || right === undefined) return undefined;
    switch (value.getOperatorToken().getKind()) {
      case SyntaxKind.PlusToken:
        return left + right;
      case SyntaxKind.MinusToken:
        return left - right;
      case SyntaxKind.AsteriskToken:
        return left * right;
      case SyntaxKind.SlashToken:
        return right === 0 ? undefined : left / right;
      default:
        return undefined;
    }
  }
  return undefined;
}
