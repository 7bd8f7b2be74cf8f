import type { ObjectLiteralExpression, VariableDeclaration } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';

/** How many `const` hops constant propagation follows before giving up (cycles, long chains). */
const MAX_HOPS = 4;

/**
 * The `const` declaration that binds `name` where `from` can see it: the nearest enclosing
 * scope's declaration wins, as in JavaScript. Without a type checker this is a syntactic
 * lookup; `let`/`var` bindings are not followed (they may be reassigned).
 */
export function constDeclarationOf(from: Node, name: string): VariableDeclaration | undefined {
  for (let scope: Node | undefined = from.getParent(); scope; scope = scope.getParent()) {
    if (!(Node.isSourceFile(scope) || Node.isBlock(scope) || Node.isModuleBlock(scope) || Node.isCaseClause(scope))) continue;
    for (const statement of scope.getStatements()) {
      if (!Node.isVariableStatement(statement)) continue;
      if (statement.getDeclarationKind() !== 'const') continue;
      const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === name);
      if (declaration) return declaration;
    }
  }
  return undefined;
}

/** Strips parentheses, `as`, `satisfies` and `!` around an expression. */
export function unwrap(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isTypeAssertion(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/**
 * Follows identifiers and `obj.prop` through `const` declarations to the expression that
 * defines a value: `const PORT = 3000; listen(PORT)` → the literal `3000`.
 */
export function resolveValue(node: Node, hops = 0): Node {
  const current = unwrap(node);
  if (hops >= MAX_HOPS) return current;
  if (Node.isIdentifier(current)) {
    const declaration = constDeclarationOf(current, current.getText());
    const initializer = declaration?.getInitializer();
    return initializer && Node.isIdentifier(declaration!.getNameNode()) ? resolveValue(initializer, hops + 1) : current;
  }
  if (Node.isPropertyAccessExpression(current)) {
    const object = resolveValue(current.getExpression(), hops + 1);
    if (Node.isObjectLiteralExpression(object)) {
      const property = propertyValue(object, current.getName());
      if (property) return resolveValue(property, hops + 1);
    }
  }
  return current;
}

/** The value expression of `name` in an object literal (shorthand and spreads of const objects included). */
export function propertyValue(object: ObjectLiteralExpression, name: string, hops = 0): Node | undefined {
  const properties = object.getProperties();
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index]!;
    if (Node.isPropertyAssignment(property) && propertyNameOf(property.getNameNode()) === name) {
      return property.getInitializer();
    }
    if (Node.isShorthandPropertyAssignment(property) && property.getName() === name) return property.getNameNode();
    if (Node.isSpreadAssignment(property) && hops < MAX_HOPS) {
      const spread = resolveValue(property.getExpression(), hops + 1);
      if (Node.isObjectLiteralExpression(spread)) {
        const value = propertyValue(spread, name, hops + 1);
        if (value) return value;
      }
    }
  }
  return undefined;
}

/** The static name of a property name node (`port`, `'port'`, `["port"]`). */
export function propertyNameOf(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) || Node.isNumericLiteral(name)) {
    return String(name.getLiteralValue());
  }
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    if (Node.isStringLiteral(expression)) return expression.getLiteralValue();
  }
  return undefined;
}

/** A string or number literal's value after constant propagation, else undefined. */
export function literalValue(node: Node): string | number | undefined {
  const value = resolveValue(node);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue();
  if (Node.isNumericLiteral(value)) return value.getLiteralValue();
  return undefined;
}

/** True when the expression (or a const it refers to) reads `process.env` / `import.meta.env` / `Deno.env`. */
export function readsEnvironment(node: Node, hops = 0): boolean {
  const current = unwrap(node);
  if (isEnvAccess(current) || current.getDescendants().some(isEnvAccess)) return true;
  if (hops >= MAX_HOPS) return false;
  const identifiers = Node.isIdentifier(current) ? [current] : current.getDescendantsOfKind(SyntaxKind.Identifier);
  return identifiers.some((identifier) => {
    const initializer = constDeclarationOf(identifier, identifier.getText())?.getInitializer();
    return initializer !== undefined && initializer !== current && readsEnvironment(initializer, hops + 1);
  });
}

/** `process.env`, `process.env.X`, `process.env['X']`, `import.meta.env`. */
export function isEnvAccess(node: Node): boolean {
  if (!Node.isPropertyAccessExpression(node)) return false;
  const object = node.getExpression();
  if (node.getName() === 'env') {
    const text = object.getText();
    return text === 'process' || text === 'import.meta' || text === 'Deno' || text === 'Bun' || text === 'globalThis.process';
  }
  return false;
}

/** The environment variable name of `process.env.NAME` / `process.env['NAME']`, else undefined. */
export function envVariableName(node: Node): string | undefined {
  const current = unwrap(node);
  if (Node.isPropertyAccessExpression(current) && isEnvAccess(current.getExpression())) return current.getName();
  if (Node.isElementAccessExpression(current) && isEnvAccess(current.getExpression())) {
    const argument = current.getArgumentExpression();
    if (argument && (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument))) return argument.getLiteralValue();
  }
  return undefined;
}
