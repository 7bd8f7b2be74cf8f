import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { envVariableName, isEnvAccess, propertyNameOf, resolveValue, unwrap } from './constants.ts';
import { envAliasVariableName, isEnvAlias } from './env-alias-variable-name.ts';

/** A value used when environment variables are missing: `process.env.DATABASE_URL || 'postgres://…'`. */
export interface EnvFallback {
  /** The variables the fallback stands in for (`process.env.A || process.env.B || 'x'` → A, B). */
  names: readonly string[];
  /** The fallback expression as written. */
  fallback: Node;
  /** The fallback after `const` propagation: the literal itself when it is one. */
  value: Node;
}

/** The last `_`-separated word of a variable that holds essential config (RULES.md III). */
const ESSENTIAL_WORDS = new Set(['URL', 'URI', 'DSN', 'HOST', 'SECRET', 'KEY', 'TOKEN', 'PASSWORD', 'PASS', 'CREDENTIALS']);

/** `DATABASE_URL`, `REDIS_HOST`, `API_KEY`, `JWT_SECRET` — not `CACHE_KEY_PREFIX` or `HOST_HEADER`. */
export function isEssentialConfigName(name: string): boolean {
  return ESSENTIAL_WORDS.has(name.toUpperCase().split('_').at(-1) ?? '');
}

/** Operators by their text: `SyntaxKind` is bound only once ts-morph has loaded, not at import. */
const FALLBACK_OPERATORS: ReadonlySet<string> = new Set(['||', '??', '||=', '??=']);

/**
 * Every fallback for an environment variable in the file, memoised per file: `||`, `??`,
 * `||=`, `??=`, `process.env.X ? process.env.X : 'lit'` (and its negated forms), and
 * destructuring defaults `const { X = 'lit' } = process.env`. Variables are followed through
 * `const` (`const url = process.env.DATABASE_URL; url ?? 'x'`), and read through an alias of
 * `process.env` (`function loadConfig(env = process.env) { env.DATABASE_URL ?? 'x' }`).
 */
export function envFallbacks(context: CheckContext): readonly EnvFallback[] {
  return context.perFile('env-fallbacks', () => {
    if (!context.text.includes('.env') && !context.text.includes('ProcessEnv')) return [];
    const fallbacks: EnvFallback[] = [];
    for (const binary of context.ofKind(SyntaxKind.BinaryExpression)) {
      if (!FALLBACK_OPERATORS.has(binary.getOperatorToken().getText())) continue;
      const names = operandNames(binary.getLeft());
      if (names.length > 0) add(fallbacks, names, binary.getRight());
    }
    for (const conditional of context.ofKind(SyntaxKind.ConditionalExpression)) {
      const test = presenceTest(conditional.getCondition());
      if (test) add(fallbacks, [test.name], test.presentWhenTrue ? conditional.getWhenFalse() : conditional.getWhenTrue());
    }
    for (const element of context.ofKind(SyntaxKind.BindingElement)) {
      const initializer = element.getInitializer();
      const pattern = element.getParent();
      if (!initializer || !Node.isObjectBindingPattern(pattern) || element.getDotDotDotToken()) continue;
      const holder = pattern.getParent();
      const source = Node.isVariableDeclaration(holder) || Node.isParameterDeclaration(holder) ? holder.getInitializer() : undefined;
      if (!source || !(isEnvAccess(unwrap(source)) || isEnvAlias(source))) continue;
      const propertyName = element.getPropertyNameNode();
      const name = propertyName ? propertyNameOf(propertyName) : element.getName();
      if (name) add(fallbacks, [name], initializer);
    }
    return fallbacks;
  });
}

function add(fallbacks: EnvFallback[], names: readonly string[], fallback: Node): void {
  fallbacks.push({ names, fallback, value: resolveValue(fallback) });
}

/** Names of the environment variables read by the operands of a `||`/`??` chain. */
function operandNames(node: Node): string[] {
  const current = unwrap(node);
  if (Node.isBinaryExpression(current) && FALLBACK_OPERATORS.has(current.getOperatorToken().getText())) {
    return [...operandNames(current.getLeft()), ...operandNames(current.getRight())];
  }
  const name = envNameOf(current);
  return name === undefined ? [] : [name];
}

/** `process.env.X`, `env.X` with `env` an alias of `process.env`, or a `const` holding either. */
function envNameOf(node: Node): string | undefined {
  const resolved = resolveValue(node);
  return envVariableName(node) ?? envVariableName(resolved) ?? envAliasVariableName(node) ?? envAliasVariableName(resolved);
}

const ABSENT_VALUES = new Set(['undefined', 'null', "''", '""', '``']);

/** A condition that tests whether a variable is set: `X`, `!X`, `X !== undefined`, `typeof X === 'undefined'`. */
function presenceTest(condition: Node): { name: string; presentWhenTrue: boolean } | undefined {
  const current = unwrap(condition);
  if (Node.isPrefixUnaryExpression(current) && current.getOperatorToken() === SyntaxKind.ExclamationToken) {
    const inner = presenceTest(current.getOperand());
    return inner && { name: inner.name, presentWhenTrue: !inner.presentWhenTrue };
  }
  if (Node.isBinaryExpression(current)) {
    const operator = current.getOperatorToken().getKind();
    const negated = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
    if (!negated && operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return undefined;
    for (const [subject, other] of [
      [current.getLeft(), current.getRight()],
      [current.getRight(), current.getLeft()],
    ] as const) {
      const otherText = unwrap(other).getText();
      const tested = unwrap(subject);
      if (Node.isTypeOfExpression(tested) && (otherText === "'undefined'" || otherText === '"undefined"')) {
        const name = envNameOf(tested.getExpression());
        if (name !== undefined) return { name, presentWhenTrue: negated };
      }
      if (ABSENT_VALUES.has(otherText)) {
        const name = envNameOf(tested);
        if (name !== undefined) return { name, presentWhenTrue: negated };
      }
    }
    return undefined;
  }
  const name = envNameOf(current);
  return name === undefined ? undefined : { name, presentWhenTrue: true };
}
