import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';

/** How many name hops are followed (`PORT = 8000; ADDRESS = ("", PORT)`); cycles stop earlier. */
const MAX_HOPS = 4;

/**
 * The dotted name of an identifier or attribute chain with its head resolved through imports:
 * `lg.handlers.RotatingFileHandler` → `logging.handlers.RotatingFileHandler` under
 * `import logging as lg`; unresolved heads stay as written (`app.run`). Undefined for anything
 * else (a call's result, a subscript).
 */
export function qualifiedName(module: PythonModule, node: Node | null | undefined): string | undefined {
  const dotted = dottedName(node);
  if (dotted === undefined) return undefined;
  const [head, ...rest] = dotted.split('.');
  const imported = module.imports.get(head!);
  return imported === undefined ? dotted : [imported, ...rest].join('.');
}

/** `a.b.c` for an identifier or attribute chain; undefined otherwise. */
export function dottedName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = dottedName(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute')?.text;
  return object === undefined || attribute === undefined ? undefined : `${object}.${attribute}`;
}

/** Callee names by call node id, per module: every rule asks for them, and each answer costs several crossings into the parser's wasm. */
const calleeNames = new WeakMap<PythonModule, Map<number, string | undefined>>();

/** The qualified name of what a call calls: `logging.FileHandler(…)` → `logging.FileHandler`. */
export function calleeName(module: PythonModule, call: Node): string | undefined {
  let names = calleeNames.get(module);
  if (!names) {
    names = new Map();
    calleeNames.set(module, names);
  }
  if (names.has(call.id)) return names.get(call.id);
  const name = qualifiedName(module, call.childForFieldName('function'));
  names.set(call.id, name);
  return name;
}

/** The last dotted part: `app.run` → `run`. */
export function lastPart(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

/**
 * Follows a module-level name bound once to its value (`PORT = 8000` → `8000`), through
 * parentheses and a few hops; anything else is returned as is.
 */
export function resolveValue(module: PythonModule, node: Node, hops = 0): Node {
  const inner = unwrapParentheses(node);
  if (inner.type !== 'identifier' || hops >= MAX_HOPS) return inner;
  const value = module.constants.get(inner.text);
  return value ? resolveValue(module, value, hops + 1) : inner;
}

function unwrapParentheses(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChild(0)!;
  return current;
}

/** Positional arguments of a call, in order. */
export function positionalArguments(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return [];
  return list.namedChildren.filter((child): child is Node => !!child && child.type !== 'keyword_argument' && child.type !== 'comment' && !child.type.endsWith('splat'));
}

/** The value of keyword argument `name=` of a call. */
export function keywordArgument(call: Node, name: string): Node | undefined {
  return keywordArgumentNode(call, name)?.childForFieldName('value') ?? undefined;
}

/** The whole `name=value` node of a call (where a finding about the argument sits). */
export function keywordArgumentNode(call: Node, name: string): Node | undefined {
  const list = call.childForFieldName('arguments');
  for (const child of list?.namedChildren ?? []) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) return child;
  }
  return undefined;
}

/** An argument by keyword, else by position. */
export function argument(call: Node, index: number, keyword: string): Node | undefined {
  return keywordArgument(call, keyword) ?? positionalArguments(call)[index];
}

/**
 * The text of a string literal without interpolation (implicit concatenation included);
 * undefined for f-strings with fields, byte strings and anything that is not a string.
 */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((part) => stringValue(part));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  const prefix = /^[A-Za-z]*/.exec(node.text)![0].toLowerCase();
  if (prefix.includes('b')) return undefined;
  return node.namedChildren
    .filter((child): child is Node => child?.type === 'string_content' || child?.type === 'escape_sequence')
    .map((child) => child.text)
    .join('');
}

/** The value of an integer literal (decimal, hex, octal, with `_`), else undefined. */
export function integerValue(node: Node | null | undefined): number | undefined {
  if (node?.type !== 'integer') return undefined;
  const value = Number(node.text.replace(/_/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `True` / `False` literals. */
export function booleanValue(node: Node | null | undefined): boolean | undefined {
  if (node?.type === 'true') return true;
  if (node?.type === 'false') return false;
  return undefined;
}

/** The innermost function definition around `node`, or undefined at module level. */
export function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition') return current;
  }
  return undefined;
}

/** Character range of a node, for `context.report({ range })`. */
export function rangeOf(node: Node): readonly [number, number] {
  return [node.startIndex, node.endIndex];
}
