import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';

/**
 * What every Python detector needs of one module, computed once per file in one walk: imports
 * and their aliases, names bound once at module level, every call, and the local-run blocks
 * (`if __name__ == "__main__":`).
 */
export interface PythonModule {
  readonly root: Node;
  /** Local name → qualified name: `lg` → `logging`, `RotatingFileHandler` → `logging.handlers.RotatingFileHandler`. */
  readonly imports: ReadonlyMap<string, string>;
  /** Module-level names bound exactly once, with the bound value; names bound twice are absent. */
  readonly constants: ReadonlyMap<string, Node>;
  /** Every `call` node, in document order. */
  readonly calls: readonly Node[];
  /** The bodies of `if __name__ == "__main__":` blocks. */
  readonly localRunBlocks: readonly Node[];
  /** Nodes of the indexed types (INDEXED_TYPES), by type, in document order. */
  readonly byType: ReadonlyMap<string, readonly Node[]>;
}

/**
 * Node types rules look for across a whole module, collected in the one walk that indexes it:
 * every `descendantsOfType` call walks the whole tree inside the parser, so rules share one.
 */
const INDEXED_TYPES = [
  'call',
  'assignment',
  'augmented_assignment',
  'function_definition',
  'class_definition',
  'if_statement',
  'for_statement',
  'while_statement',
  'match_statement',
  'with_item',
  'conditional_expression',
  'boolean_operator',
  'subscript',
  'dictionary',
  'pair',
  'string',
  'concatenated_string',
  'import_statement',
  'import_from_statement',
];

/** The module's nodes of one or more indexed types, in document order. */
export function nodesOfType(module: PythonModule, types: string | readonly string[]): readonly Node[] {
  if (typeof types === 'string') return module.byType.get(types) ?? missingType(types);
  const nodes = types.flatMap((type) => module.byType.get(type) ?? missingType(type));
  return types.length > 1 ? nodes.sort((a, b) => a.startIndex - b.startIndex) : nodes;
}

function missingType(type: string): never {
  throw new Error(`python module index: node type "${type}" is not indexed (add it to INDEXED_TYPES)`);
}

/** The module index of the file under review. */
export function pythonModule(context: CheckContext): PythonModule {
  return context.perFile('python:module', () => indexModule(context.tree().rootNode));
}

/** The module index of another repository file (for `settings.PORT`), or undefined. */
export function repositoryModule(context: CheckContext, filePath: string): PythonModule | undefined {
  return context.perRun(`python:module:${filePath}`, () => {
    const tree = context.treeOf(filePath);
    return tree ? indexModule(tree.rootNode) : undefined;
  });
}

export function indexModule(root: Node): PythonModule {
  const imports = new Map<string, string>();
  const bindingCounts = new Map<string, number>();
  const values = new Map<string, Node>();
  const calls: Node[] = [];
  const localRunBlocks: Node[] = [];
  const bind = (name: string, value: Node | undefined): void => {
    bindingCounts.set(name, (bindingCounts.get(name) ?? 0) + 1);
    if (value) values.set(name, value);
  };
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement') readImport(statement, imports);
    else if (statement.type === 'expression_statement') {
      const assignment = statement.firstNamedChild;
      if (assignment?.type === 'assignment') {
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right') ?? undefined;
        if (left?.type === 'identifier') bind(left.text, right);
        else for (const name of left?.descendantsOfType('identifier') ?? []) if (name) bind(name.text, undefined);
      } else if (assignment?.type === 'augmented_assignment') {
        const left = assignment.childForFieldName('left');
        if (left?.type === 'identifier') bind(left.text, undefined);
      }
    } else if (statement.type === 'function_definition' || statement.type === 'class_definition') {
      const name = statement.childForFieldName('name');
      if (name) bind(name.text, undefined);
    } else if (statement.type === 'if_statement' && isMainGuard(statement.childForFieldName('condition'))) {
      const body = statement.childForFieldName('consequence');
      if (body) localRunBlocks.push(body);
    }
  }
  const byType = new Map<string, Node[]>(INDEXED_TYPES.map((type) => [type, []]));
  for (const node of root.descendantsOfType(INDEXED_TYPES)) if (node) byType.get(node.type)!.push(node);
  calls.push(...byType.get('call')!);
  const constants = new Map<string, Node>();
  for (const [name, count] of bindingCounts) {
    const value = values.get(name);
    if (count === 1 && value && !imports.has(name)) constants.set(name, value);
  }
  return { root, imports, constants, calls, localRunBlocks, byType };
}

function readImport(statement: Node, imports: Map<string, string>): void {
  if (statement.type === 'import_statement') {
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const dotted = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (dotted && alias) imports.set(alias, dotted);
      } else {
        // `import os.path` binds `os`.
        const head = name.text.split('.')[0]!;
        imports.set(head, head);
      }
    }
    return;
  }
  const from = statement.childForFieldName('module_name')?.text;
  if (!from) return;
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
    const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
    if (imported && local) imports.set(local, `${from}.${imported}`);
  }
}

/** `__name__ == "__main__"` (either side). */
function isMainGuard(condition: Node | null): boolean {
  if (condition?.type !== 'comparison_operator') return false;
  const text = condition.text.replace(/\s+/g, '').replace(/'/g, '"');
  return text === '__name__=="__main__"' || text === '"__main__"==__name__';
}

/** True when `node` sits inside a local-run block of `module`. */
export function inLocalRunBlock(module: PythonModule, node: Node): boolean {
  return module.localRunBlocks.some((block) => block.startIndex <= node.startIndex && node.endIndex <= block.endIndex);
}
