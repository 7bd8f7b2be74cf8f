import type { Node, ts } from 'ts-morph';
import { typescript } from './lazy-ts-morph.ts';

/** How many `const` hops are followed (`const env = process.env.NODE_ENV; const isProd = env === 'production'`). */
const MAX_HOPS = 4;

/**
 * True when the expression reads one of the environment variables `names`, directly
 * (`process.env.NODE_ENV`, `process.env['STAGE']`, `import.meta.env.X`) or through `const`
 * declarations in scope — including destructuring (`const { NODE_ENV } = process.env`) and
 * arrow functions (`const isProd = () => process.env.NODE_ENV === 'production'`).
 * Works on the compiler's nodes: conditions are small, but wrapping each of their nodes as a
 * ts-morph node would cost more than the whole test.
 */
export function readsEnvVariable(node: Node, names: ReadonlySet<string>): boolean {
  return reads(node.compilerNode, names, 0, new Set());
}

function reads(root: ts.Node, names: ReadonlySet<string>, hops: number, visited: Set<ts.Node>): boolean {
  if (visited.has(root)) return false;
  visited.add(root);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const name = envVariableName(node);
    if (name !== undefined) {
      found = names.has(name);
      return;
    }
    if (typescript.isIdentifier(node) && hops < MAX_HOPS && !isPropertyName(node)) {
      const binding = constBinding(node);
      if (binding?.envName !== undefined) found = names.has(binding.envName);
      else if (binding?.initializer) found = reads(binding.initializer, names, hops + 1, visited);
      if (found) return;
    }
    typescript.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** `X` in `a.X` or `{ X: … }`: a name, not a reference to a variable. */
function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (typescript.isPropertyAccessExpression(parent) && parent.name === identifier) ||
    (typescript.isPropertyAssignment(parent) && parent.name === identifier)
  );
}

/** `process.env`, `import.meta.env`, `Deno.env`, `Bun.env`, `globalThis.process.env`. */
function isEnvObject(node: ts.Node): boolean {
  if (!typescript.isPropertyAccessExpression(node) || node.name.text !== 'env') return false;
  const owner = node.expression;
  if (typescript.isIdentifier(owner)) return owner.text === 'process' || owner.text === 'Deno' || owner.text === 'Bun';
  if (typescript.isMetaProperty(owner)) return owner.keywordToken === typescript.SyntaxKind.ImportKeyword && owner.name.text === 'meta';
  return typescript.isPropertyAccessExpression(owner) && owner.name.text === 'process' && typescript.isIdentifier(owner.expression) && owner.expression.text === 'globalThis';
}

function envVariableName(node: ts.Node): string | undefined {
  if (typescript.isPropertyAccessExpression(node) && isEnvObject(node.expression)) return node.name.text;
  if (typescript.isElementAccessExpression(node) && isEnvObject(node.expression)) {
    const argument = node.argumentExpression;
    if (typescript.isStringLiteral(argument) || typescript.isNoSubstitutionTemplateLiteral(argument)) return argument.text;
  }
  return undefined;
}

/** The `const` that binds an identifier where it is used: its initializer, or the `process.env` variable it destructures. */
function constBinding(identifier: ts.Identifier): { initializer?: ts.Node; envName?: string } | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!(typescript.isSourceFile(scope) || typescript.isBlock(scope) || typescript.isModuleBlock(scope) || typescript.isCaseClause(scope) || typescript.isDefaultClause(scope))) continue;
    for (const statement of scope.statements) {
      if (!typescript.isVariableStatement(statement) || (statement.declarationList.flags & typescript.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        const binding = bindingIn(declaration, name);
        if (binding) return binding;
      }
    }
  }
  return undefined;
}

function bindingIn(declaration: ts.VariableDeclaration, name: string): { initializer?: ts.Node; envName?: string } | undefined {
  const initializer = declaration.initializer;
  if (typescript.isIdentifier(declaration.name)) {
    if (declaration.name.text !== name) return undefined;
    return initializer ? { initializer } : {};
  }
  if (!typescript.isObjectBindingPattern(declaration.name)) return undefined;
  const element = declaration.name.elements.find((candidate) => typescript.isIdentifier(candidate.name) && candidate.name.text === name);
  if (!element) return undefined;
  if (!initializer || !isEnvObject(skipOuterExpressions(initializer))) return {};
  const property = element.propertyName;
  if (!property) return { envName: name };
  return typescript.isIdentifier(property) || typescript.isStringLiteral(property) ? { envName: property.text } : {};
}

function skipOuterExpressions(node: ts.Node): ts.Node {
  let current = node;
  while (typescript.isParenthesizedExpression(current) || typescript.isAsExpression(current) || typescript.isNonNullExpression(current) || typescript.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}
