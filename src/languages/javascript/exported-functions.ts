import type { ClassDeclaration, ClassExpression, SourceFile } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import { propertyNameOf, unwrap } from './constants.ts';

/** How many names and object levels are followed from an export to its functions. */
const MAX_HOPS = 3;

/**
 * The functions another module can call through this script's exports, by the path a caller
 * names them with:
 * - `put` — `export function put`, `export { put }`, `exports.put = …`, a member of `module.exports`;
 * - `default`, `default.put` — the default export, or a method of the object it is;
 * - `''` — `module.exports = fn` (what `require()` itself returns);
 * - `store.put` — a method of an exported object or of an exported instance (`new Store()`);
 * - `Store#put` — an instance method of an exported class (`default#put` for a default one).
 * Syntactic, one file: names are followed to this file's own top-level declarations only.
 */
export function exportedFunctions(sourceFile: SourceFile): ReadonlyMap<string, Node> {
  const surface = new Map<string, Node>();
  const add = (path: string, value: Node | undefined, hops = 0): void => {
    if (!value || hops > MAX_HOPS) return;
    const node = unwrap(value);
    if (isFunctionLike(node)) {
      if (!surface.has(path)) surface.set(path, node);
    } else if (Node.isIdentifier(node)) {
      add(path, topLevelDeclaration(sourceFile, node.getText()), hops + 1);
    } else if (Node.isObjectLiteralExpression(node)) {
      for (const property of node.getProperties()) {
        if (Node.isShorthandPropertyAssignment(property)) add(memberPath(path, property.getName()), property.getNameNode(), hops + 1);
        else if (Node.isMethodDeclaration(property) || Node.isPropertyAssignment(property)) {
          const name = propertyNameOf(property.getNameNode());
          if (name !== undefined) add(memberPath(path, name), Node.isMethodDeclaration(property) ? property : property.getInitializer(), hops + 1);
        }
      }
    } else if (Node.isNewExpression(node)) {
      const constructor = unwrap(node.getExpression());
      const declaration = Node.isIdentifier(constructor) ? topLevelDeclaration(sourceFile, constructor.getText()) : undefined;
      if (declaration && Node.isClassDeclaration(declaration)) addMethods(surface, declaration, (name) => memberPath(path, name), () => undefined);
    } else if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      addMethods(surface, node, (name) => `${path}#${name}`, (name) => memberPath(path, name));
    }
  };

  for (const statement of sourceFile.getStatements()) {
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
      if (!statement.hasExportKeyword()) continue;
      const name = statement.hasDefaultKeyword() ? 'default' : statement.getName();
      if (name !== undefined) add(name, statement);
    } else if (Node.isVariableStatement(statement)) {
      if (!statement.hasExportKeyword()) continue;
      for (const declaration of statement.getDeclarations()) add(declaration.getName(), declaration.getInitializer());
    } else if (Node.isExportAssignment(statement)) {
      const value = statement.getExpression();
      // `export = x` is CommonJS's `module.exports = x`.
      if (statement.isExportEquals()) add('', value);
      add('default', value);
    } else if (Node.isExportDeclaration(statement)) {
      if (statement.getModuleSpecifier()) continue;
      for (const specifier of statement.getNamedExports()) {
        const local = specifier.getNameNode();
        add(specifier.getAliasNode()?.getText() ?? local.getText(), local);
      }
    } else if (Node.isExpressionStatement(statement)) {
      const assignment = commonJsExport(statement.getExpression());
      if (!assignment) continue;
      add(assignment.path, assignment.value);
      add(memberPath('default', assignment.path), assignment.value);
    }
  }
  return surface;
}

/** `module.exports = x` → `''`; `module.exports.put = x`, `exports.put = x` → `put`. */
function commonJsExport(expression: Node): { path: string; value: Node } | undefined {
  if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getText() !== '=') return undefined;
  const target = unwrap(expression.getLeft());
  const value = expression.getRight();
  if (target.getText() === 'module.exports') return { path: '', value };
  if (!Node.isPropertyAccessExpression(target)) return undefined;
  const owner = unwrap(target.getExpression()).getText();
  return owner === 'module.exports' || owner === 'exports' ? { path: target.getName(), value } : undefined;
}

function memberPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** A class's methods: instance methods at `instancePath`, static ones at `staticPath` (when the export reaches them). */
function addMethods(
  surface: Map<string, Node>,
  declaration: ClassDeclaration | ClassExpression,
  instancePath: (name: string) => string,
  staticPath: (name: string) => string | undefined,
): void {
  for (const method of declaration.getMethods()) {
    const path = method.isStatic() ? staticPath(method.getName()) : instancePath(method.getName());
    if (path !== undefined && method.hasBody() && !surface.has(path)) surface.set(path, method);
  }
}

/** A top-level function, class, or the initializer of a top-level variable, by name. */
function topLevelDeclaration(sourceFile: SourceFile, name: string): Node | undefined {
  for (const statement of sourceFile.getStatements()) {
    if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.getName() === name) return statement;
    if (!Node.isVariableStatement(statement)) continue;
    const declaration = statement.getDeclarations().find((candidate) => candidate.getName() === name);
    if (declaration) return declaration.getInitializer();
  }
  return undefined;
}

function isFunctionLike(node: Node): boolean {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node) || (Node.isFunctionDeclaration(node) && node.hasBody()) || Node.isMethodDeclaration(node);
}
