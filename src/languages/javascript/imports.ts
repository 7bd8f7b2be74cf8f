import type { Expression, KindToNodeMappings, SourceFile } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { ScriptView } from './script-view.ts';

/** One local name bound to a module: `imported` is `default`, `*` (namespace/whole module) or an export name. */
export interface ImportBinding {
  local: string;
  module: string;
  imported: string;
  /** The import declaration or require call, for rules that report at the import. */
  node: Node;
  typeOnly: boolean;
}

/** Node built-ins are matched without their `node:` prefix. */
export function normaliseModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** Every ESM import and CommonJS require binding of the file, memoised per file. */
export function importBindings(context: ScriptView): readonly ImportBinding[] {
  return context.perFile('imports:bindings', () => bindingsOf(context.ast(), (kind) => context.ofKind(kind)));
}

/** The binding of a local name, if it comes from a module. */
export function bindingOf(context: ScriptView, local: string): ImportBinding | undefined {
  return importBindings(context).find((binding) => binding.local === local);
}

/** True when the file imports or requires any of `modules` (specifiers without `node:`). */
export function importsAny(context: ScriptView, modules: readonly string[]): boolean {
  return importBindings(context).some((binding) => modules.includes(binding.module)) || requiredModules(context).some((m) => modules.includes(m));
}

/** Specifiers of every `require('x')`, `import 'x'` and `import('x')` with a literal argument. */
export function requiredModules(context: ScriptView): readonly string[] {
  return context.perFile('imports:specifiers', () => {
    const specifiers: string[] = [];
    for (const declaration of context.ast().getImportDeclarations()) specifiers.push(normaliseModule(declaration.getModuleSpecifierValue()));
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const specifier = requireSpecifier(call);
      if (specifier !== undefined) specifiers.push(normaliseModule(specifier));
    }
    return specifiers;
  });
}

/**
 * What an expression refers to in terms of modules: `winston.transports.File` →
 * `{ module: 'winston', path: ['transports', 'File'] }` whether `winston` is a default import,
 * a namespace import, a require, or `transports` was destructured from it. Undefined when the
 * root is not bound to a module.
 */
export function resolveReference(context: ScriptView, expression: Node): { module: string; path: string[] } | undefined {
  const names: string[] = [];
  let current: Node = expression;
  for (;;) {
    if (Node.isPropertyAccessExpression(current)) {
      names.unshift(current.getName());
      current = current.getExpression();
    } else if (Node.isElementAccessExpression(current)) {
      const argument = current.getArgumentExpression();
      if (!argument || !Node.isStringLiteral(argument)) return undefined;
      names.unshift(argument.getLiteralValue());
      current = current.getExpression();
    } else if (Node.isParenthesizedExpression(current) || Node.isNonNullExpression(current) || Node.isAsExpression(current)) {
      current = current.getExpression();
    } else break;
  }
  if (Node.isCallExpression(current)) {
    const specifier = requireSpecifier(current);
    return specifier === undefined ? undefined : { module: normaliseModule(specifier), path: names };
  }
  if (!Node.isIdentifier(current)) return undefined;
  const binding = bindingOf(context, current.getText());
  if (!binding) return undefined;
  const head = binding.imported === 'default' || binding.imported === '*' ? [] : [binding.imported];
  return { module: binding.module, path: [...head, ...names] };
}

/** The literal specifier of `require('x')`, else undefined. */
export function requireSpecifier(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require') return undefined;
  const [argument] = call.getArguments();
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}

/**
 * The import and require bindings of a source file; `ofKind` lists its nodes of a kind (the
 * rule context's shared index for the file under review, a plain walk for another file).
 */
export function bindingsOf(
  sourceFile: SourceFile,
  ofKind: <K extends SyntaxKind>(kind: K) => readonly KindToNodeMappings[K][],
): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const declaration of sourceFile.getImportDeclarations()) {
    const module = normaliseModule(declaration.getModuleSpecifierValue());
    const typeOnly = declaration.isTypeOnly();
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) bindings.push({ local: defaultImport.getText(), module, imported: 'default', node: declaration, typeOnly });
    const namespaceImport = declaration.getNamespaceImport();
    if (namespaceImport) bindings.push({ local: namespaceImport.getText(), module, imported: '*', node: declaration, typeOnly });
    for (const named of declaration.getNamedImports()) {
      bindings.push({
        local: (named.getAliasNode() ?? named.getNameNode()).getText(),
        module,
        imported: named.getName(),
        node: declaration,
        typeOnly: typeOnly || named.isTypeOnly(),
      });
    }
  }
  for (const declaration of ofKind(SyntaxKind.ImportEqualsDeclaration)) {
    const reference = declaration.getModuleReference();
    if (Node.isExternalModuleReference(reference)) {
      const expression = reference.getExpression();
      if (expression && Node.isStringLiteral(expression)) {
        bindings.push({ local: declaration.getName(), module: normaliseModule(expression.getLiteralValue()), imported: '*', node: declaration, typeOnly: declaration.isTypeOnly() });
      }
    }
  }
  for (const declaration of ofKind(SyntaxKind.VariableDeclaration)) {
    const initializer = declaration.getInitializer();
    if (!initializer) continue;
    const { module, path } = requireTarget(initializer) ?? {};
    if (module === undefined || path === undefined) continue;
    const name = declaration.getNameNode();
    if (Node.isIdentifier(name)) {
      bindings.push({ local: name.getText(), module, imported: path[0] ?? '*', node: declaration, typeOnly: false });
    } else if (Node.isObjectBindingPattern(name) && path.length === 0) {
      for (const element of name.getElements()) {
        const property = element.getPropertyNameNode()?.getText() ?? element.getName();
        bindings.push({ local: element.getName(), module, imported: property, node: declaration, typeOnly: false });
      }
    }
  }
  return bindings;
}

/** `require('m')`, `require('m').x`, `await import('m')` → module and member path. */
function requireTarget(expression: Expression): { module: string; path: string[] } | undefined {
  let current: Node = expression;
  const path: string[] = [];
  while (Node.isPropertyAccessExpression(current)) {
    path.unshift(current.getName());
    current = current.getExpression();
  }
  if (Node.isAwaitExpression(current)) current = current.getExpression();
  if (Node.isCallExpression(current)) {
    const specifier = requireSpecifier(current) ?? dynamicImportSpecifier(current);
    if (specifier !== undefined) return { module: normaliseModule(specifier), path };
  }
  return undefined;
}

function dynamicImportSpecifier(call: Node): string | undefined {
  if (!Node.isCallExpression(call) || call.getExpression().getKind() !== SyntaxKind.ImportKeyword) return undefined;
  const [argument] = call.getArguments();
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}
