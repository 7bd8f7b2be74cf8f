import type { Identifier } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import { isEnvAccess, propertyNameOf, unwrap } from './constants.ts';

/**
 * The variable name of `env.X` / `env['X']` where `env` stands for `process.env` without being
 * spelled so: a parameter that defaults to it or is typed `NodeJS.ProcessEnv` (the testable
 * `loadConfig(env = process.env)` pattern), or a `const env = process.env` alias. Undefined
 * otherwise, and for `process.env.X` itself (`envVariableName` answers that).
 */
export function envAliasVariableName(node: Node): string | undefined {
  const current = unwrap(node);
  let owner: Node;
  let name: string | undefined;
  if (Node.isPropertyAccessExpression(current)) {
    owner = current.getExpression();
    name = current.getName();
  } else if (Node.isElementAccessExpression(current)) {
    const argument = current.getArgumentExpression();
    owner = current.getExpression();
    name = argument ? propertyNameOf(argument) : undefined;
  } else return undefined;
  return name !== undefined && isEnvAlias(owner) ? name : undefined;
}

/** True for an identifier that stands for `process.env` (see `envAliasVariableName`). */
export function isEnvAlias(node: Node): boolean {
  const object = unwrap(node);
  return Node.isIdentifier(object) && standsForEnv(object);
}

const PROCESS_ENV_TYPES = new Set(['NodeJS.ProcessEnv', 'ProcessEnv']);

/** Walks scopes outwards; the nearest parameter or `const` of that name decides, as in JavaScript. */
function standsForEnv(identifier: Identifier): boolean {
  const name = identifier.getText();
  for (let scope: Node | undefined = identifier.getParent(); scope; scope = scope.getParent()) {
    if (
      Node.isFunctionDeclaration(scope) ||
      Node.isFunctionExpression(scope) ||
      Node.isArrowFunction(scope) ||
      Node.isMethodDeclaration(scope) ||
      Node.isConstructorDeclaration(scope)
    ) {
      const parameter = scope.getParameters().find((candidate) => candidate.getName() === name);
      if (parameter) {
        const initializer = parameter.getInitializer();
        if (initializer) return isEnvAccess(unwrap(initializer));
        const type = parameter.getTypeNode()?.getText();
        return type !== undefined && PROCESS_ENV_TYPES.has(type);
      }
    }
    if (Node.isSourceFile(scope) || Node.isBlock(scope) || Node.isModuleBlock(scope)) {
      for (const statement of scope.getStatements()) {
        if (!Node.isVariableStatement(statement)) continue;
        const declaration = statement.getDeclarations().find((candidate) => Node.isIdentifier(candidate.getNameNode()) && candidate.getName() === name);
        if (!declaration) continue;
        const initializer = declaration.getInitializer();
        return statement.getDeclarationKind() === 'const' && initializer !== undefined && isEnvAccess(unwrap(initializer));
      }
    }
  }
  return false;
}
