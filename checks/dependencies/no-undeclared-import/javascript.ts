import { builtinModules } from 'node:module';
import path from 'node:path/posix';
import type { ts } from 'ts-morph';
import { Node, SyntaxKind, typescript } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { findUp, type RepositoryView } from '../../../src/engine/repository.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { propertyNameOf } from '../../../src/languages/javascript/constants.ts';
import { readPackageManifest } from '../../support/package-scripts.ts';
import { isToolingPath } from '../../support/tooling-path.ts';

const BUILTINS: ReadonlySet<string> = new Set(builtinModules);
/** Packages whose tooling ships them with the app although they are declared as devDependencies (electron-builder, Electron Forge). */
const PACKAGED_DEV_DEPENDENCIES: ReadonlySet<string> = new Set(['electron']);

/** What one package.json declares. */
interface Manifest {
  path: string;
  name: string | undefined;
  /** dependencies, peerDependencies, optionalDependencies. */
  runtime: ReadonlySet<string>;
  dev: ReadonlySet<string>;
}

/** Import specifiers that resolve inside the repository rather than to a package. */
interface Aliases {
  exact: ReadonlySet<string>;
  /** `@app/*` → `@app/`; a bundler alias `components` → `components/`. */
  prefixes: readonly string[];
  /** Directories that bare specifiers resolve against (`compilerOptions.baseUrl`). */
  baseDirs: readonly string[];
}

interface ImportSite {
  specifier: string;
  /** The module specifier literal: the finding's location. */
  node: Node;
  typeOnly: boolean;
}

const SOURCE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.d.ts'];
const BUNDLER_CONFIGS = ['vite', 'vitest', 'webpack', 'rollup'].flatMap((tool) =>
  ['ts', 'mts', 'js', 'mjs', 'cjs'].map((extension) => `${tool}.config.${extension}`),
);
const BABEL_CONFIGS = ['babel.config.js', 'babel.config.cjs', 'babel.config.mjs'];
const BABEL_JSON_CONFIGS = ['.babelrc', 'babel.config.json', '.babelrc.json'];
/** How many `extends` hops of tsconfig files are followed. */
const MAX_EXTENDS = 3;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const sites = importSites(context);
    if (sites.length === 0) return;
    const directory = path.dirname(context.path);
    const manifestPath = findUp(context.repo, directory, 'package.json');
    if (!manifestPath) return;
    const manifest = context.perRun(`no-undeclared-import:manifest:${manifestPath}`, () => readManifest(context, manifestPath));
    if (!manifest) return;
    const packageDir = path.dirname(manifestPath);
    const tooling = isToolingPath(context.path) || (packageDir !== '.' && isToolingPath(context.path.slice(packageDir.length + 1)));
    let aliases: Aliases | undefined;
    for (const site of sites) {
      const name = packageName(site.specifier);
      if (name === undefined || name === manifest.name) continue;
      const dev = manifest.dev.has(name);
      if (site.typeOnly) {
        if (manifest.runtime.has(name) || dev || declaresTypes(manifest, name)) continue;
      } else if (manifest.runtime.has(name) || (dev && (tooling || PACKAGED_DEV_DEPENDENCIES.has(name)))) {
        continue;
      }
      aliases ??= context.perRun(`no-undeclared-import:aliases:${directory}`, () => readAliases(context, directory, packageDir));
      if (isAlias(context.repo, aliases, site.specifier)) continue;
      const data = { name, manifest: manifest.path };
      if (dev && !site.typeOnly) context.report({ node: site.node, messageId: 'devOnly', data, severity: 'warning' });
      else context.report({ node: site.node, messageId: 'undeclared', data });
    }
  },
});

/** Every `import`/`export … from`/`require()`/`import()`/`require.resolve()` with a literal specifier. */
function importSites(context: CheckContext): ImportSite[] {
  const sites: ImportSite[] = [];
  const sourceFile = context.ast();
  for (const declaration of sourceFile.getImportDeclarations()) {
    const named = declaration.getNamedImports();
    const typeOnly =
      declaration.isTypeOnly() ||
      (named.length > 0 && named.every((specifier) => specifier.isTypeOnly()) && !declaration.getDefaultImport() && !declaration.getNamespaceImport());
    sites.push({ specifier: declaration.getModuleSpecifierValue(), node: declaration.getModuleSpecifier(), typeOnly });
  }
  for (const declaration of sourceFile.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifier();
    if (!specifier) continue;
    const named = declaration.getNamedExports();
    const typeOnly = declaration.isTypeOnly() || (named.length > 0 && named.every((exported) => exported.isTypeOnly()));
    sites.push({ specifier: specifier.getLiteralValue(), node: specifier, typeOnly });
  }
  const importEquals = context.text.includes('require') ? context.ofKind(SyntaxKind.ImportEqualsDeclaration) : [];
  for (const declaration of importEquals) {
    const reference = declaration.getModuleReference();
    const expression = Node.isExternalModuleReference(reference) ? reference.getExpression() : undefined;
    if (expression && Node.isStringLiteral(expression)) {
      sites.push({ specifier: expression.getLiteralValue(), node: expression, typeOnly: declaration.isTypeOnly() });
    }
  }
  for (const node of context.compilerNodesOfKind(SyntaxKind.CallExpression)) {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    const isLoader =
      callee.kind === typescript.SyntaxKind.ImportKeyword ||
      (typescript.isIdentifier(callee) && callee.text === 'require') ||
      (typescript.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && typescript.isIdentifier(callee.expression) && callee.expression.text === 'require');
    const [argument] = call.arguments;
    if (!isLoader || !argument || !(typescript.isStringLiteral(argument) || typescript.isNoSubstitutionTemplateLiteral(argument))) continue;
    const wrapped = context.wrap(argument);
    if (wrapped) sites.push({ specifier: argument.text, node: wrapped, typeOnly: false });
  }
  return sites;
}

/**
 * The package a bare specifier names (`lodash/fp` → `lodash`, `@scope/pkg/sub` → `@scope/pkg`);
 * undefined for relative and absolute paths, URLs and other schemes (`node:`, `bun:`,
 * `virtual:`), built-ins, subpath imports (`#x`), conventional aliases (`@/`, `~/`, `$lib`) and
 * anything that is not a valid package name.
 */
function packageName(specifier: string): string | undefined {
  if (/^[./#~$]/.test(specifier) || /^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.includes('!')) return undefined;
  const [first = '', second] = specifier.split('/');
  if (BUILTINS.has(specifier) || BUILTINS.has(first)) return undefined;
  if (first.startsWith('@')) {
    if (second === undefined || !/^@[a-z0-9][\w.-]*$/i.test(first) || !/^[a-z0-9][\w.-]*$/i.test(second)) return undefined;
    return `${first}/${second}`;
  }
  return /^[a-z0-9][\w.-]*$/i.test(first) ? first : undefined;
}

function declaresTypes(manifest: Manifest, name: string): boolean {
  const typesName = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
  return manifest.runtime.has(typesName) || manifest.dev.has(typesName);
}

function readManifest(context: CheckContext, manifestPath: string): Manifest | undefined {
  const manifest = readPackageManifest(context, manifestPath);
  if (!manifest) return undefined;
  const { json } = manifest;
  const keys = (field: string) => (isRecord(json[field]) ? Object.keys(json[field]) : []);
  return {
    path: manifestPath,
    name: typeof json.name === 'string' ? json.name : undefined,
    runtime: new Set([...keys('dependencies'), ...keys('peerDependencies'), ...keys('optionalDependencies')]),
    dev: new Set(keys('devDependencies')),
  };
}

function readAliases(context: CheckContext, directory: string, packageDir: string): Aliases {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const baseDirs: string[] = [];
  const addKey = (key: string) => {
    if (key.includes('*')) prefixes.push(key.slice(0, key.indexOf('*')));
    else {
      exact.add(key);
      prefixes.push(key.endsWith('/') ? key : `${key}/`);
    }
  };
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const configPath = findUp(context.repo, directory, name);
    if (configPath) readTsconfigAliases(context.repo, configPath, addKey, baseDirs, 0);
  }
  const dir = packageDir === '.' ? '' : `${packageDir}/`;
  for (const name of [...BUNDLER_CONFIGS, ...BABEL_CONFIGS]) {
    const configPath = `${dir}${name}`;
    if (!context.repo.has(configPath)) continue;
    const script = context.parseScript(configPath);
    if (script) for (const key of scriptAliasKeys(script)) addKey(key);
  }
  for (const name of BABEL_JSON_CONFIGS) {
    const text = context.repo.read(`${dir}${name}`);
    if (text !== undefined) for (const key of jsonAliasKeys(parseJsonc(name, text))) addKey(key);
  }
  return { exact, prefixes, baseDirs };
}

/** JSON with comments and trailing commas, read as TypeScript reads tsconfig; undefined when invalid. */
function parseJsonc(fileName: string, text: string): unknown {
  const { config, error } = typescript.parseConfigFileTextToJson(fileName, text);
  return error ? undefined : config;
}

/** `compilerOptions.paths` keys and `baseUrl`, following relative `extends`. */
function readTsconfigAliases(repo: RepositoryView, configPath: string, addKey: (key: string) => void, baseDirs: string[], hops: number): void {
  const text = repo.read(configPath);
  const json = text === undefined ? undefined : parseJsonc(configPath, text);
  if (!isRecord(json)) return;
  const configDir = path.dirname(configPath);
  const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  if (isRecord(options.paths)) for (const key of Object.keys(options.paths)) addKey(key);
  if (typeof options.baseUrl === 'string') baseDirs.push(path.normalize(path.join(configDir, options.baseUrl)));
  const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  for (const parent of parents) {
    if (typeof parent !== 'string' || !parent.startsWith('.') || hops >= MAX_EXTENDS) continue;
    const parentPath = path.normalize(path.join(configDir, parent.endsWith('.json') ? parent : `${parent}.json`));
    readTsconfigAliases(repo, parentPath, addKey, baseDirs, hops + 1);
  }
}

/** Keys of every `alias: { … }` object (or `alias: [{ find: '…' }]` list) in a bundler or Babel config. */
function scriptAliasKeys(script: Node): string[] {
  const keys: string[] = [];
  for (const property of script.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (propertyNameOf(property.getNameNode()) !== 'alias') continue;
    const value = property.getInitializer();
    if (Node.isObjectLiteralExpression(value)) {
      for (const entry of value.getProperties()) {
        if (!Node.isPropertyAssignment(entry) && !Node.isShorthandPropertyAssignment(entry)) continue;
        const key = propertyNameOf(entry.getNameNode());
        if (key !== undefined) keys.push(key.replace(/\$$/, ''));
      }
    } else if (Node.isArrayLiteralExpression(value)) {
      for (const element of value.getElements()) {
        if (!Node.isObjectLiteralExpression(element)) continue;
        const find = element.getProperty('find');
        const initializer = Node.isPropertyAssignment(find) ? find.getInitializer() : undefined;
        if (initializer && Node.isStringLiteral(initializer)) keys.push(initializer.getLiteralValue());
      }
    }
  }
  return keys;
}

function jsonAliasKeys(json: unknown, depth = 0): string[] {
  if (depth > 6) return [];
  if (Array.isArray(json)) return json.flatMap((item) => jsonAliasKeys(item, depth + 1));
  if (!isRecord(json)) return [];
  const own = isRecord(json.alias) ? Object.keys(json.alias) : [];
  return [...own, ...Object.values(json).flatMap((value) => jsonAliasKeys(value, depth + 1))];
}

function isAlias(repo: RepositoryView, aliases: Aliases, specifier: string): boolean {
  if (aliases.exact.has(specifier) || aliases.prefixes.some((prefix) => specifier.startsWith(prefix))) return true;
  return aliases.baseDirs.some((baseDir) => {
    const target = baseDir === '.' ? specifier : `${baseDir}/${specifier}`;
    return SOURCE_EXTENSIONS.some((extension) => repo.has(`${target}${extension}`)) || hasDirectory(repo, target);
  });
}

/** True when some file of the repository lies under `dir` (paths() is sorted). */
function hasDirectory(repo: RepositoryView, dir: string): boolean {
  const prefix = `${dir}/`;
  const paths = repo.paths();
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (paths[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return paths[low]?.startsWith(prefix) === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
