import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { dottedName, lastPart } from '../../../src/languages/python/syntax.ts';
import { DYNAMIC } from '../../../src/languages/javascript/static-text.ts';
import { parseServiceUrl, type ServiceUrl } from '../../support/service-url.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import type { MessageId } from './index.ts';

/** Calls whose string arguments are messages, assertions or string tests, never a connection. */
const IGNORED_CALLS = new Set([
  'print', 'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'echo', 'secho',
  'startswith', 'endswith', 'find', 'index', 'replace', 'split', 'count', 'match', 'search', 'fullmatch', 'sub',
  'assertEqual', 'assertIn', 'gettext', '_',
]);
/** Keyword arguments and dict keys that hold documentation or UI text rather than settings. */
const TEXT_KEYS = new Set(['description', 'example', 'examples', 'help', 'placeholder', 'title', 'summary', 'message', 'msg', 'doc', 'usage']);
/** Directories that document rather than run the app. */
const DOC_SEGMENTS = new Set(['docs', 'doc', 'examples', 'example', 'samples', 'sample']);
/** Nodes a value passes through on its way to where it is used. */
const PASS_THROUGH = new Set(['parenthesized_expression', 'list', 'tuple', 'set', 'conditional_expression', 'boolean_operator', 'concatenated_string', 'expression_list']);

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!context.text.includes('://') || isToolingPath(context.path) || context.path.split('/').slice(0, -1).some((segment) => DOC_SEGMENTS.has(segment))) return;
    const module = pythonModule(context);
    const reportedLines = new Set<number>();
    // A concatenated string is one literal: its parts are read together.
    for (const literal of nodesOfType(module, ['string', 'concatenated_string'])) {
      if (!literal || literal.parent?.type === 'concatenated_string' || !literal.text.includes('://')) continue;
      const url = serviceUrlOf(module, literal);
      const line = literal.startPosition.row;
      if (!url || reportedLines.has(line) || !isConfigValue(literal)) continue;
      reportedLines.add(line);
      context.report({ range: [literal.startIndex, literal.endIndex], messageId: 'urlPython', data: { service: url.service, envName: url.envName } });
    }
  },
});

/** The service a literal connects to: interpolations are run-time parts; SQLAlchemy's `+driver` is dropped. */
function serviceUrlOf(module: PythonModule, literal: Node): ServiceUrl | undefined {
  if (readsEnvironment(module, literal) || /^[A-Za-z]*[bB]/.test(literal.text)) return undefined;
  const parts = literal.type === 'concatenated_string' ? literal.namedChildren : [literal];
  const text = parts
    .flatMap((part) => part?.namedChildren ?? [])
    .map((child) => (child?.type === 'interpolation' ? DYNAMIC : child?.type === 'string_content' || child?.type === 'escape_sequence' ? child.text : ''))
    .join('');
  return parseServiceUrl(text.replace(/^([a-z][a-z0-9.-]*)\+[a-z0-9_]+:\/\//i, '$1://'));
}

/**
 * True when the literal is handed to code as a setting: assigned, a call's argument, a dict
 * value, a parameter default — not a docstring, a message, a comparison or documentation text.
 */
function isConfigValue(literal: Node): boolean {
  let node = literal;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (PASS_THROUGH.has(parent.type) && !(parent.type === 'conditional_expression' && parent.namedChildren[1]?.id === node.id)) continue;
    if (parent.type === 'binary_operator' && parent.childForFieldName('left')?.id === node.id) continue;
    switch (parent.type) {
      case 'assignment':
        return parent.childForFieldName('right')?.id === node.id;
      case 'default_parameter':
      case 'typed_default_parameter':
        return parent.childForFieldName('value')?.id === node.id;
      case 'keyword_argument':
        return !TEXT_KEYS.has(parent.childForFieldName('name')?.text ?? '') && !isIgnoredCall(parent.parent?.parent);
      case 'pair':
        return parent.childForFieldName('value')?.id === node.id && !TEXT_KEYS.has(parent.childForFieldName('key')?.text.replace(/["']/g, '') ?? '');
      case 'argument_list':
        return !isIgnoredCall(parent.parent);
      default:
        return false;
    }
  }
  return false;
}

/** A message, string-test or exception call: `logger.info(…)`, `url.startswith(…)`, `ValueError(…)`. */
function isIgnoredCall(call: Node | null | undefined): boolean {
  if (call?.type !== 'call') return false;
  const name = lastPart(dottedName(call.childForFieldName('function')));
  return name === undefined || IGNORED_CALLS.has(name) || /(?:Error|Exception|Warning)$/.test(name) || call.parent?.type === 'raise_statement';
}
