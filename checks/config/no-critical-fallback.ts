import { Node } from '../../src/engine/lazy-ts-morph.ts';
import { defineCheck } from '../define-check.ts';
import { readsEnvironment } from '../support/constants.ts';
import { envFallbacks, isEssentialConfigName, type EnvFallback } from '../support/env-fallbacks.ts';
import { staticText } from '../support/static-text.ts';

/** Addresses that make a server listen on every interface: a bind address, not a service location. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
/** Variables that conventionally hold the address the app itself listens on. */
const LISTEN_HOST_NAMES = new Set(['HOST', 'BIND_HOST', 'LISTEN_HOST', 'SERVER_HOST']);
const LOOPBACK_ADDRESSES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export default defineCheck({
  id: 'config/no-critical-fallback',
  meta: {
    factor: 3,
    severity: 'warning',
    title: 'Hard-coded fallback for essential config',
    description:
      'A default such as `process.env.DATABASE_URL || "postgres://localhost/app"` hides a missing setting: a deploy that forgot the variable starts anyway and talks to the wrong database, or runs with a development secret. Config belongs in the environment; when an essential value (a URL, host, key, token, password or secret) is absent, the app should stop at start-up with a clear message naming it.',
    fix: 'Remove the fallback and fail fast at start-up with an error naming the missing variable.',
    kinds: ['script'],
    needs: 'ast',
    winsOver: ['backing-services/no-hardcoded-service-url', 'backing-services/no-hardcoded-host'],
    messages: {
      fallback: 'Config (III): {{name}} falls back to a hard-coded value; remove the fallback and fail at start-up with an error naming {{name}} when it is missing.',
    },
  },
  detect(context) {
    for (const fallback of envFallbacks(context)) {
      const name = criticalName(fallback);
      if (name === undefined) continue;
      context.report({ node: fallback.fallback, messageId: 'fallback', data: { name } });
    }
  },
});

/** The essential variable a non-empty literal fallback stands in for, if any. */
function criticalName({ names, value }: EnvFallback): string | undefined {
  const text = fallbackText(value);
  if (text === undefined || text.trim() === '') return undefined;
  return names.find((name) => {
    const upper = name.toUpperCase();
    if (!isEssentialConfigName(upper)) return false;
    return !(upper.endsWith('HOST') && isBindAddress(upper, text.trim()));
  });
}

/** The static text of a string fallback (numbers, booleans and expressions are not config literals). */
function fallbackText(value: Node): string | undefined {
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue();
  if (Node.isTemplateExpression(value) && !readsEnvironment(value)) return staticText(value);
  return undefined;
}

function isBindAddress(name: string, value: string): boolean {
  return WILDCARD_ADDRESSES.has(value) || (LISTEN_HOST_NAMES.has(name) && LOOPBACK_ADDRESSES.has(value));
}
