import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import { resolveValue, unwrap } from './constants.ts';
import { DYNAMIC } from '../shell/command-line.ts';

/** Stands for a part of a string that is only known at run time (a substitution, a variable). */
export { DYNAMIC };

/** How many `const` hops and nested concatenations are followed before a part counts as dynamic. */
const MAX_DEPTH = 6;

/**
 * The text a string expression evaluates to, as far as it is static: literals, template
 * literals, `+` concatenations and `const` references are followed; every part known only at
 * run time is one `DYNAMIC` character. `` `ffmpeg -i ${input} out.mp4` `` → `"ffmpeg -i \0 out.mp4"`.
 * Undefined when nothing of the expression is static.
 */
export function staticText(node: Node): string | undefined {
  const text = partText(node, 0);
  return text.split(DYNAMIC).join('') === '' ? undefined : text;
}

/** True when `text` (from `staticText`) has no dynamic part. */
export function isFullyStatic(text: string): boolean {
  return !text.includes(DYNAMIC);
}

function partText(node: Node, depth: number): string {
  if (depth > MAX_DEPTH) return DYNAMIC;
  const current = unwrap(node);
  if (Node.isStringLiteral(current) || Node.isNoSubstitutionTemplateLiteral(current)) return current.getLiteralValue();
  if (Node.isNumericLiteral(current)) return String(current.getLiteralValue());
  if (Node.isTemplateExpression(current)) {
    let text = current.getHead().getLiteralText();
    for (const span of current.getTemplateSpans()) {
      text += partText(span.getExpression(), depth + 1) + span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isBinaryExpression(current) && current.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    return partText(current.getLeft(), depth + 1) + partText(current.getRight(), depth + 1);
  }
  if (Node.isIdentifier(current) || Node.isPropertyAccessExpression(current)) {
    const resolved = resolveValue(current);
    return resolved === current ? DYNAMIC : partText(resolved, depth + 1);
  }
  return DYNAMIC;
}
