import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import { unwrap } from './constants.ts';
import { localFunction } from './local-function.ts';

/** How many calls deep functions of the same file are followed. */
const MAX_DEPTH = 3;

/**
 * `from` and the functions of the same file it calls — by name (`save(item)`) or as methods of
 * its own class (`this.save(item)`) — directly or through each other, bounded depth: a handler
 * and the helpers that do its work.
 */
export function calledLocalFunctions(from: Node): Node[] {
  const reached: Node[] = [from];
  const seen = new Set<Node>([from]);
  let frontier = [from];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: Node[] = [];
    for (const fn of frontier) {
      for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const callee = unwrap(call.getExpression());
        const target = Node.isIdentifier(callee) ? localFunction(callee) : sameClassMethod(callee);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        reached.push(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return reached;
}

/** `this.save` inside a class: that class's method `save`, when it has a body. */
export function sameClassMethod(callee: Node): Node | undefined {
  if (!Node.isPropertyAccessExpression(callee) || !Node.isThisExpression(unwrap(callee.getExpression()))) return undefined;
  const owner = callee.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  const method = owner?.getMethod(callee.getName());
  return method?.hasBody() ? method : undefined;
}
