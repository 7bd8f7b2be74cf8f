import { getStaticTOMLValue, parseTOML, type AST } from 'toml-eslint-parser';
import type { CheckContext } from '../../../checks/define-check.ts';
import { isDevelopmentGroup, parseRequirement, type Requirement } from './requirements-file.ts';

/*
 * Python's TOML manifests — pyproject.toml (PEP 621, PEP 735, Poetry, uv, PDM) and Pipfile — as
 * plain values plus, for every key, the node that defines it. TOML can spell one key several
 * ways (`[tool.poetry.dependencies]`, `tool.poetry.dependencies = {…}`, a dotted key, a sub-table
 * `[tool.poetry.dependencies.x]`): rules read values from `value` and locate them with `nodeAt`,
 * whichever way the file wrote them.
 */

export type TomlPath = readonly (string | number)[];
export type TomlTable = Readonly<Record<string, unknown>>;

export interface TomlDocument {
  readonly value: TomlTable;
  /** The node that first defines `path`: a `[table]` header, a `key = value`, or an array element. */
  nodeAt(path: TomlPath): AST.TOMLNode | undefined;
}

/** One dependency a Python TOML manifest declares. */
export interface ManifestDependency {
  name: string;
  /** Its key path: `['project', 'dependencies', 0]`, `['tool', 'poetry', 'dependencies', 'flask']`. */
  path: TomlPath;
  /** A development, test or docs group (Poetry dev groups, dev extras, PEP 735 groups, Pipfile dev-packages). */
  development: boolean;
  /** PEP 508 entries (`"flask>=3"`, `"x @ git+https://…"`): the parsed string. */
  requirement?: Requirement;
  /** Table entries (Poetry, uv sources, Pipfile): the version string or the table (`{ git = …, branch = … }`). */
  spec?: unknown;
  /** The array element, `key = value` or `[table]` that declares it. */
  node: AST.TOMLNode;
}

/** The TOML document of the file under review (pyproject.toml or Pipfile), indexed once per file. */
export function tomlDocument(context: CheckContext): TomlDocument {
  return context.perFile('toml:document', () => indexDocument(context.toml()));
}

/** Another TOML file of the repository, parsed once per run; undefined when absent, unread or invalid. */
export function repositoryTomlDocument(context: CheckContext, filePath: string): TomlDocument | undefined {
  return context.perRun(`toml:document:${filePath}`, () => {
    const text = context.repo.read(filePath);
    if (text === undefined) return undefined;
    try {
      return indexDocument(parseTOML(text));
    } catch {
      return undefined;
    }
  });
}

/** The value at `path` of a plain TOML value. */
export function valueAt(value: unknown, path: TomlPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function isTomlTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The character range a finding about `node` covers: a table's `[header]`, or the node itself. */
export function siteOf(node: AST.TOMLNode): readonly [number, number] {
  if (node.type === 'TOMLTable') return [node.range[0], node.key.range[1] + (node.kind === 'array' ? 2 : 1)];
  return node.range;
}

/** Every dependency of a pyproject.toml, in every section that declares dependencies. */
export function pyprojectDependencies(document: TomlDocument): ManifestDependency[] {
  const found: ManifestDependency[] = [];
  const { value } = document;
  found.push(...requirementList(document, ['project', 'dependencies'], false));
  for (const [extra] of tableEntries(valueAt(value, ['project', 'optional-dependencies']))) {
    found.push(...requirementList(document, ['project', 'optional-dependencies', extra], isDevelopmentGroup(extra)));
  }
  for (const [group] of tableEntries(valueAt(value, ['dependency-groups']))) {
    found.push(...requirementList(document, ['dependency-groups', group], isDevelopmentGroup(group)));
  }
  for (const [group] of tableEntries(valueAt(value, ['tool', 'pdm', 'dev-dependencies']))) {
    found.push(...requirementList(document, ['tool', 'pdm', 'dev-dependencies', group], true));
  }
  found.push(...requirementList(document, ['tool', 'uv', 'dev-dependencies'], true));
  found.push(...dependencyTable(document, ['tool', 'poetry', 'dependencies'], false));
  found.push(...dependencyTable(document, ['tool', 'poetry', 'dev-dependencies'], true));
  for (const [group] of tableEntries(valueAt(value, ['tool', 'poetry', 'group']))) {
    found.push(...dependencyTable(document, ['tool', 'poetry', 'group', group, 'dependencies'], isDevelopmentGroup(group)));
  }
  found.push(...dependencyTable(document, ['tool', 'uv', 'sources'], false));
  return found;
}

/** Every dependency of a Pipfile: `[packages]` and `[dev-packages]`. */
export function pipfileDependencies(document: TomlDocument): ManifestDependency[] {
  return [...dependencyTable(document, ['packages'], false), ...dependencyTable(document, ['dev-packages'], true)];
}

/** PEP 508 strings of an array (PEP 621, PEP 735, PDM); other elements (`{ include-group = … }`) are skipped. */
function requirementList(document: TomlDocument, path: readonly string[], development: boolean): ManifestDependency[] {
  const list = valueAt(document.value, path);
  if (!Array.isArray(list)) return [];
  const found: ManifestDependency[] = [];
  list.forEach((item, index) => {
    const node = document.nodeAt([...path, index]);
    if (typeof item !== 'string' || !node) return;
    const requirement = parseRequirement(item);
    if (requirement.name === undefined) return;
    found.push({ name: requirement.name, path: [...path, index], development, requirement, node });
  });
  return found;
}

/** `name = "^1.2"` / `name = { … }` entries of a table (Poetry, uv sources, Pipfile). */
function dependencyTable(document: TomlDocument, path: readonly string[], development: boolean): ManifestDependency[] {
  const found: ManifestDependency[] = [];
  for (const [name, spec] of tableEntries(valueAt(document.value, path))) {
    const node = document.nodeAt([...path, name]);
    if (node) found.push({ name, path: [...path, name], development, spec, node });
  }
  return found;
}

function tableEntries(value: unknown): [string, unknown][] {
  return isTomlTable(value) ? Object.entries(value) : [];
}

function indexDocument(program: AST.TOMLProgram): TomlDocument {
  const nodes = new Map<string, AST.TOMLNode>();
  const explicit = new Set<string>();
  // A path's own `[header]` or `key =` wins over a longer key that defined it implicitly
  // (`[a.b.c]` before `[a.b]`); otherwise the first definition wins.
  const define = (path: TomlPath, node: AST.TOMLNode) => {
    for (let length = 1; length < path.length; length++) {
      const key = JSON.stringify(path.slice(0, length));
      if (!nodes.has(key)) nodes.set(key, node);
    }
    const key = JSON.stringify(path);
    if (explicit.has(key)) return;
    explicit.add(key);
    nodes.set(key, node);
  };
  const visitKeyValue = (base: TomlPath, keyValue: AST.TOMLKeyValue) => {
    const path = [...base, ...keyValue.key.keys.map((key) => (key.type === 'TOMLBare' ? key.name : key.value))];
    define(path, keyValue);
    visitValue(path, keyValue.value);
  };
  const visitValue = (path: TomlPath, value: AST.TOMLContentNode) => {
    if (value.type === 'TOMLInlineTable') for (const keyValue of value.body) visitKeyValue(path, keyValue);
    else if (value.type === 'TOMLArray') {
      value.elements.forEach((element, index) => {
        define([...path, index], element);
        visitValue([...path, index], element);
      });
    }
  };
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') visitKeyValue([], item);
    else {
      define(item.resolvedKey, item);
      for (const keyValue of item.body) visitKeyValue(item.resolvedKey, keyValue);
    }
  }
  return {
    value: getStaticTOMLValue(program) as TomlTable,
    nodeAt: (path) => nodes.get(JSON.stringify(path)),
  };
}
