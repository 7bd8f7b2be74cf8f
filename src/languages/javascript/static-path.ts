import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { resolveValue, unwrap } from './constants.ts';
import { resolveReference } from './imports.ts';
import { DYNAMIC } from './static-text.ts';

/** A file path as far as it is known statically, and what it is relative to. */
export interface StaticPath {
  /** Joined with `/`; run-time parts are `DYNAMIC` characters (see static-text.ts). */
  text: string;
  /** `module`: relative to the module's own directory (`__dirname`, `import.meta.url`). */
  base?: 'module' | 'cwd';
}

const MAX_DEPTH = 6;
const PATH_MODULES = new Set(['path', 'path/posix', 'path/win32', 'upath', 'pathe']);

/**
 * The path an expression builds: literals, templates, `+`, `path.join/resolve(...)`,
 * `new URL('./x', import.meta.url)`, `fileURLToPath(...)`, `__dirname`, `process.cwd()` and
 * `const` references. Undefined when nothing of it is static.
 */
export function staticPath(context: CheckContext, node: Node): StaticPath | undefined {
  const result = pathOf(context, node, 0);
  return result.text.split(DYNAMIC).join('') === '' && result.base === undefined ? undefined : result;
}

function pathOf(context: CheckContext, node: Node, depth: number): StaticPath {
  if (depth > MAX_DEPTH) return { text: DYNAMIC };
  const current = unwrap(node);
  if (Node.isStringLiteral(current) || Node.isNoSubstitutionTemplateLiteral(current)) return { text: current.getLiteralValue() };
  if (Node.isIdentifier(current)) {
    const name = current.getText();
    if (name === '__dirname' || name === '__filename') return { text: '', base: 'module' };
    const resolved = resolveValue(current);
    return resolved === current ? { text: DYNAMIC } : pathOf(context, resolved, depth + 1);
  }
  if (Node.isPropertyAccessExpression(current)) {
    const text = current.getText();
    if (text === 'import.meta.dirname' || text === 'import.meta.filename' || text === 'import.meta.url') return { text: '', base: 'module' };
    const resolved = resolveValue(current);
    return resolved === current ? { text: DYNAMIC } : pathOf(context, resolved, depth + 1);
  }
  if (Node.isTemplateExpression(current)) {
    let base: StaticPath['base'];
    let text = current.getHead().getLiteralText();
    current.getTemplateSpans().forEach((span, index) => {
      const part = pathOf(context, span.getExpression(), depth + 1);
      if (index === 0 && text === '') base = part.base;
      text += part.text + span.getLiteral().getLiteralText();
    });
    return base ? { text, base } : { text };
  }
  if (Node.isBinaryExpression(current) && current.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = pathOf(context, current.getLeft(), depth + 1);
    const right = pathOf(context, current.getRight(), depth + 1);
    return left.base ? { text: left.text + right.text, base: left.base } : { text: left.text + right.text };
  }
  if (Node.isNewExpression(current)) {
    const callee = current.getExpression();
    const [relative, base] = current.getArguments();
    if (Node.isIdentifier(callee) && callee.getText() === 'URL' && relative && base) {
      const from = pathOf(context, base, depth + 1);
      const to = pathOf(context, relative, depth + 1);
      return from.base ? { text: to.text, base: from.base } : { text: DYNAMIC };
    }
    return { text: DYNAMIC };
  }
  if (Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (callee.getText() === 'process.cwd') return { text: '', base: 'cwd' };
    const reference = resolveReference(context, callee);
    const method = reference?.path.at(-1);
    if (reference && PATH_MODULES.has(reference.module) && (method === 'join' || method === 'resolve')) {
      return joinParts(current.getArguments().map((argument) => pathOf(context, argument, depth + 1)));
    }
    if (reference && reference.module === 'url' && method === 'fileURLToPath') {
      const [argument] = current.getArguments();
      return argument ? pathOf(context, argument, depth + 1) : { text: DYNAMIC };
    }
  }
  return { text: DYNAMIC };
}

function joinParts(parts: readonly StaticPath[]): StaticPath {
  const base = parts[0]?.base;
  const text = parts
    .map((part) => part.text)
    .filter((text) => text !== '')
    .join('/');
  return base ? { text, base } : { text };
}
