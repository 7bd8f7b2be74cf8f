import type { ArrowFunction, FunctionDeclaration, FunctionExpression } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import { unwrap } from './constants.ts';

/** A function a name can stand for within one file. */
export type LocalFunction = ArrowFunction | FunctionExpression | FunctionDeclaration;

/**
 * The function declared in this file that `identifier` names where it is used: a function
 * declaration, or a `const`/`let` initialised with an arrow or function expression, in the
 * nearest enclosing scope that declares the name. Syntactic (no type checker).
 */
export function localFunction(identifier: Node): LocalFunction | undefined {
  if (!Node.isIdentifier(identifier)) return undefined;
  const name = identifier.getText();
  for (let scope: Node | undefined = identifier.getParent(); scope; scope = scope.getParent()) {
    if (!(Node.isSourceFile(scope) || Node.isBlock(scope) || Node.isModuleBlock(scope))) continue;
    for (const statement of scope.getStatements()) {
      if (Node.isFunctionDeclaration(statement) && statement.getName() === name) return statement.hasBody() ? statement : undefined;
      if (!Node.isVariableStatement(statement)) continue;
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === name);
      if (!declaration) continue;
      const initializer = declaration.getInitializer();
      const value = initializer && unwrap(initializer);
      return value && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) ? value : undefined;
    }
  }
  return undefined;
}

/** The function (arrow, expression, declaration, method, accessor) whose body `node` is in. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (
      Node.isArrowFunction(current) ||
      Node.isFunctionExpression(current) ||
      Node.isFunctionDeclaration(current) ||
      Node.isMethodDeclaration(current) ||
      Node.isConstructorDeclaration(current) ||
      Node.isGetAccessorDeclaration(current) ||
      Node.isSetAccessorDeclaration(current)
    ) {
      return current;
    }
  }
  return undefined;
}
