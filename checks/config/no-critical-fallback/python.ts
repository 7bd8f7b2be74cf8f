import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { envRead, readsEnvironment } from '../../../src/languages/python/environment.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { pydanticSettingsFields } from '../../../src/languages/python/pydantic-settings-fields.ts';
import { resolveValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** The last `_` word of an essential setting's name (RULES-python.md III). */
const ESSENTIAL_WORDS = new Set(['URL', 'URI', 'DSN', 'HOST', 'SECRET', 'KEY', 'TOKEN', 'PASSWORD', 'PASS', 'CREDENTIALS']);
/** Addresses that make a server listen on every interface: a bind address, not a service location. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** An environment read with the variable it reads and the expression standing in when it is unset. */
interface Fallback {
  name: string;
  fallback: Node;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    const reported = new Set<number>();
    for (const { name, fallback } of fallbacks(module)) {
      if (!isEssential(name)) continue;
      const literal = fallbackLiteral(module, fallback);
      if (!literal || reported.has(literal.startIndex)) continue;
      const text = literalText(literal).trim();
      if (text === '' || (name.toUpperCase().endsWith('HOST') && WILDCARD_ADDRESSES.has(text))) continue;
      reported.add(literal.startIndex);
      context.report({ range: [literal.startIndex, literal.endIndex], messageId: 'fallback', data: { name } });
    }
  },
});

/**
 * Every fallback of the module: `os.getenv("X", d)` and the other readers' defaults,
 * `os.environ.get("X") or d`, and pydantic-settings field defaults.
 */
function fallbacks(module: PythonModule): Fallback[] {
  const found: Fallback[] = [];
  for (const call of module.calls) {
    const read = envRead(module, call);
    if (read?.name !== undefined && read.fallback) found.push({ name: read.name, fallback: read.fallback });
  }
  for (const operator of nodesOfType(module, 'boolean_operator')) {
    if (operator?.childForFieldName('operator')?.type !== 'or') continue;
    const left = operator.childForFieldName('left');
    const right = operator.childForFieldName('right');
    const read = left && envRead(module, unwrap(left));
    if (read?.name !== undefined && right) found.push({ name: read.name, fallback: right });
  }
  for (const field of pydanticSettingsFields(module)) {
    if (field.fallback) found.push({ name: field.envName, fallback: field.fallback });
  }
  return found;
}

function isEssential(name: string): boolean {
  const words = name.toUpperCase().split('_').filter((word) => word !== '');
  return ESSENTIAL_WORDS.has(words.at(-1) ?? '');
}

/** The string literal a fallback is, directly or through a constant (reported where the constant holds it). */
function fallbackLiteral(module: PythonModule, fallback: Node): Node | undefined {
  const value = resolveValue(module, fallback);
  if (value.type !== 'string' && value.type !== 'concatenated_string') return undefined;
  return readsEnvironment(module, value) ? undefined : value;
}

/** A literal's text without quotes and prefixes; interpolations count as text (they are not empty). */
function literalText(literal: Node): string {
  const parts = literal.type === 'concatenated_string' ? literal.namedChildren : [literal];
  return parts
    .flatMap((part) => part?.namedChildren ?? [])
    .map((child) => (child?.type === 'string_start' || child?.type === 'string_end' ? '' : (child?.text ?? '')))
    .join('');
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChild(0)!;
  return current;
}
