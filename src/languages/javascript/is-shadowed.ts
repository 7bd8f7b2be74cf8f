import { Node } from './lazy-ts-morph.ts';

/**
 * True when `identifier` refers to a binding declared below the module's top level: a
 * parameter, local variable, function, class or catch variable of the same name in a scope
 * between the identifier and the source file. A syntactic check (no type checker).
 */
export function isShadowed(identifier: Node): boolean {
  const name = identifier.getText();
  for (let scope = identifier.getParent(); scope && !Node.isSourceFile(scope); scope = scope.getParent()) {
    if (declaresInScope(scope, name)) return true;
  }
  return false;
}

function declaresInScope(scope: Node, name: string): boolean {
  if (
    Node.isArrowFunction(scope) ||
    Node.isFunctionExpression(scope) ||
    Node.isFunctionDeclaration(scope) ||
    Node.isMethodDeclaration(scope) ||
    Node.isConstructorDeclaration(scope) ||
    Node.isGetAccessorDeclaration(scope) ||
    Node.isSetAccessorDeclaration(scope)
  ) {
    if (Node.isFunctionExpression(scope) && scope.getName() === name) return true;
    return scope.getParameters().some((parameter) => bindsName(parameter.getNameNode(), name));
  }
  if (Node.isBlock(scope) || Node.isModuleBlock(scope) || Node.isCaseClause(scope) || Node.isDefaultClause(scope)) {
    return scope.getStatements().some((statement) => statementDeclares(statement, name));
  }
  if (Node.isForStatement(scope) || Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
    const initializer = scope.getInitializer();
    return (
      initializer !== undefined &&
      Node.isVariableDeclarationList(initializer) &&
      initializer.getDeclarations().some((declaration) => bindsName(declaration.getNameNode(), name))
    );
  }
  if (Node.isCatchClause(scope)) {
    const declaration = scope.getVariableDeclaration();
    return declaration !== undefined && bindsName(declaration.getNameNode(), name);
  }
  return false;
}

function statementDeclares(statement: Node, name: string): boolean {
  if (Node.isVariableStatement(statement)) {
    return statement.getDeclarations().some((declaration) => bindsName(declaration.getNameNode(), name));
  }
  if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) return statement.getName() === name;
  return false;
}

/** True when a binding name (identifier or destructuring pattern) introduces `name`. */
function bindsName(binding: Node, name: string): boolean {
  if (Node.isIdentifier(binding)) return binding.getText() === name;
  if (Node.isObjectBindingPattern(binding) || Node.isArrayBindingPattern(binding)) {
    return binding.getElements().some((element) => Node.isBindingElement(element) && bindsName(element.getNameNode(), name));
  }
  return false;
}
