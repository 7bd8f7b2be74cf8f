import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { propertyNameOf, readsEnvironment } from '../../../src/languages/javascript/constants.ts';
import { envFallbacks, isEssentialConfigName } from '../../../src/languages/javascript/env-fallbacks.ts';
import { literalsMatching } from '../../../src/languages/javascript/literals-matching.ts';
import { parseServiceUrl, type ServiceUrl } from '../../support/service-url.ts';
import { staticText } from '../../../src/languages/javascript/static-text.ts';
import { isToolingPath } from '../../support/tooling-path.ts';

/** Calls whose string arguments are messages, comparisons or assertions, never a connection. */
const IGNORED_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'notice', 'critical',
  'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'replace', 'replaceAll', 'split', 'match',
  'matchAll', 'search', 'test', 'localeCompare', 'has',
  'assert', 'expect', 'equal', 'strictEqual', 'deepEqual', 'ok', 'toBe', 'toEqual', 'toContain', 'toMatch',
  't', '__', 'i18n', 'gettext', 'translate', 'describe', 'it',
]);

/** Object keys that hold documentation or UI text rather than settings. */
const TEXT_KEYS = new Set(['description', 'example', 'examples', 'placeholder', 'help', 'hint', 'message', 'title', 'label', 'summary', 'doc', 'docs', 'usage']);

/** Keys that map a setting to an environment variable (convict, env-schema…): the sibling value is a default, not config in code. */
const ENV_MAPPING_KEYS = new Set(['env', 'envVar', 'env_var', 'envName']);

/** Directories and files that document rather than run the app. */
const DOC_SEGMENTS = new Set(['docs', 'doc', 'examples', 'example', 'samples', 'sample']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!context.text.includes('://') || isDocumentationPath(context.path) || isToolingPath(context.path)) return;
    let reportedElsewhere: ReadonlySet<Node> | undefined;
    const reportedLines = new Set<number>();
    for (const literal of literalsMatching(context, '://', (text) => text.includes('://'))) {
      const url = serviceUrlOf(literal);
      if (!url || reportedLines.has(literal.getStartLineNumber()) || !isConfigValue(literal)) continue;
      reportedElsewhere ??= indirectEssentialFallbacks(context);
      if (reportedElsewhere.has(literal)) continue;
      reportedLines.add(literal.getStartLineNumber());
      context.report({ node: literal, messageId: 'url', data: { service: url.service, envName: url.envName } });
    }
  },
});

function serviceUrlOf(literal: Node): ServiceUrl | undefined {
  if (Node.isTemplateExpression(literal)) {
    if (readsEnvironment(literal)) return undefined;
    const text = staticText(literal);
    return text === undefined ? undefined : parseServiceUrl(text);
  }
  if (!Node.isStringLiteral(literal) && !Node.isNoSubstitutionTemplateLiteral(literal)) return undefined;
  if (Node.isTaggedTemplateExpression(literal.getParent())) return undefined;
  const value = literal.getLiteralValue();
  return value.includes('://') ? parseServiceUrl(value) : undefined;
}

/**
 * Literals that are the default of an essential variable through a `const`
 * (`const DEFAULT = 'postgres://…'; process.env.DATABASE_URL || DEFAULT`): config/no-critical-fallback
 * reports them where the fallback is used, so they are not reported twice.
 */
function indirectEssentialFallbacks(context: Parameters<typeof envFallbacks>[0]): ReadonlySet<Node> {
  const values = new Set<Node>();
  for (const fallback of envFallbacks(context)) {
    if (fallback.value !== fallback.fallback && fallback.names.some(isEssentialConfigName)) values.add(fallback.value);
  }
  return values;
}

/**
 * True when the literal is handed to code as a setting: a call or constructor argument, an
 * object property, a variable, an assignment or a default value — and not a message, a
 * comparison, an assertion or documentation text.
 */
function isConfigValue(literal: Node): boolean {
  let node = literal;
  for (;;) {
    const parent = node.getParent();
    if (!parent) return false;
    if (
      Node.isParenthesizedExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isSatisfiesExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      Node.isArrayLiteralExpression(parent) ||
      (Node.isConditionalExpression(parent) && parent.getCondition() !== node)
    ) {
      node = parent;
      continue;
    }
    if (Node.isBinaryExpression(parent)) {
      const operator = parent.getOperatorToken().getKind();
      if (operator === SyntaxKind.PlusToken && parent.getLeft() === node) node = parent;
      else if (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) node = parent;
      else if (operator === SyntaxKind.EqualsToken && parent.getRight() === node) return !insideIgnoredCall(parent);
      else return false;
      continue;
    }
    if (Node.isPropertyAssignment(parent)) {
      if (parent.getInitializer() !== node) return false;
      const key = propertyNameOf(parent.getNameNode());
      if (key !== undefined && TEXT_KEYS.has(key)) return false;
      const object = parent.getParent();
      if (Node.isObjectLiteralExpression(object) && object.getProperties().some(isEnvMapping)) return false;
      return !insideIgnoredCall(parent);
    }
    if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) {
      return parent.getArguments().includes(node) && !isIgnoredCall(parent) && !insideIgnoredCall(parent);
    }
    if (
      Node.isVariableDeclaration(parent) ||
      Node.isParameterDeclaration(parent) ||
      Node.isBindingElement(parent) ||
      Node.isPropertyDeclaration(parent)
    ) {
      return parent.getInitializer() === node;
    }
    return Node.isExportAssignment(parent);
  }
}

function isEnvMapping(property: Node): boolean {
  if (!Node.isPropertyAssignment(property)) return false;
  const key = propertyNameOf(property.getNameNode());
  return key !== undefined && ENV_MAPPING_KEYS.has(key);
}

/** Within a log/assert/string-method call or a `throw`, up to the enclosing statement. */
function insideIgnoredCall(node: Node): boolean {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isThrowStatement(current)) return true;
    if ((Node.isCallExpression(current) || Node.isNewExpression(current)) && isIgnoredCall(current)) return true;
    if (Node.isStatement(current) || Node.isFunctionLikeDeclaration(current) || Node.isSourceFile(current)) return false;
  }
  return false;
}

function isIgnoredCall(call: Node): boolean {
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return false;
  const callee = call.getExpression();
  if (Node.isNewExpression(call)) return /(Error|Exception)$/.test(calleeName(callee) ?? '');
  const name = calleeName(callee);
  if (name !== undefined && IGNORED_METHODS.has(name)) return true;
  let root: Node = callee;
  while (Node.isPropertyAccessExpression(root) || Node.isCallExpression(root)) root = root.getExpression();
  return root.getText() === 'console';
}

function calleeName(callee: Node): string | undefined {
  if (Node.isIdentifier(callee)) return callee.getText();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return undefined;
}

function isDocumentationPath(filePath: string): boolean {
  const segments = filePath.split('/');
  const base = segments.at(-1) ?? '';
  return segments.slice(0, -1).some((segment) => DOC_SEGMENTS.has(segment)) || /\.(example|sample)\.[^.]+$/.test(base);
}
