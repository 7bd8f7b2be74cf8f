import type { ClassDeclaration, ClassExpression, ObjectLiteralExpression, SourceFile } from 'ts-morph';
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

  for (const entry of exportEntries(sourceFile)) add(entry.path, entry.value);
  return surface;
}

/** What a script exports, each value as written: `export function put` → `put`, `module.exports = x` → `''` and `default`. */
function exportEntries(sourceFile: SourceFile): { path: string; value: Node }[] {
  const entries: { path: string; value: Node }[] = [];
  for (const statement of sourceFile.getStatements()) {
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
      if (!statement.hasExportKeyword()) continue;
      const name = statement.hasDefaultKeyword() ? 'default' : statement.getName();
      if (name !== undefined) entries.push({ path: name, value: statement });
    } else if (Node.isVariableStatement(statement)) {
      if (!statement.hasExportKeyword()) continue;
      for (const declaration of statement.getDeclarations()) {
        const value = declaration.getInitializer();
        if (value) entries.push({ path: declaration.getName(), value });
      }
    } else if (Node.isExportAssignment(statement)) {
      const value = statement.getExpression();
      // `export = x` is CommonJS's `module.exports = x`.
      if (statement.isExportEquals()) entries.push({ path: '', value });
      entries.push({ path: 'default', value });
    } else if (Node.isExportDeclaration(statement)) {
      if (statement.getModuleSpecifier()) continue;
      for (const specifier of statement.getNamedExports()) {
        const local = specifier.getNameNode();
        entries.push({ path: specifier.getAliasNode()?.getText() ?? local.getText(), value: local });
      }
    } else if (Node.isExpressionStatement(statement)) {
      const assignment = commonJsExport(statement.getExpression());
      if (!assignment) continue;
      entries.push(assignment, { path: memberPath('default', assignment.path), value: assignment.value });
    }
  }
  return entries;
}

/**
 * The function or class a script exports under `path` (`App`, `default`, `''` for
 * `module.exports`), or as a member of an exported object (`{ App }`); undefined for anything else.
 */
export function exportedDeclaration(sourceFile: SourceFile, path: string): Node | undefined {
  for (const entry of exportEntries(sourceFile)) {
    let value: Node | undefined = entry.value;
    if (entry.path !== path) {
      const member = entry.path === '' ? path : path.startsWith(`${entry.path}.`) ? path.slice(entry.path.length + 1) : undefined;
      const object = member === undefined || member.includes('.') ? undefined : declarationOf(sourceFile, value);
      value = object && Node.isObjectLiteralExpression(object) ? objectMember(object, member!) : undefined;
    }
    const declaration = value && declarationOf(sourceFile, value);
    if (declaration && (isFunctionLike(declaration) || Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration))) return declaration;
  }
  return undefined;
}

/** A value followed through names to this file's top-level declarations. */
function declarationOf(sourceFile: SourceFile, value: Node, hops = 0): Node | undefined {
  const node = unwrap(value);
  if (!Node.isIdentifier(node)) return node;
  const declaration = hops < MAX_HOPS ? topLevelDeclaration(sourceFile, node.getText()) : undefined;
  return declaration && declarationOf(sourceFile, declaration, hops + 1);
}

function objectMember(object: ObjectLiteralExpression, name: string): Node | undefined {
  for (const property of object.getProperties()) {
    if (Node.isShorthandPropertyAssignment(property) && property.getName() === name) return property.getNameNode();
    if (Node.isPropertyAssignment(property) && propertyNameOf(property.getNameNode()) === name) return property.getInitializer();
    if (Node.isMethodDeclaration(property) && propertyNameOf(property.getNameNode()) === name) return property;
  }
  return undefined;
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
