import { Node } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { readsEnvironment } from '../../../src/languages/javascript/constants.ts';
import { envFallbacks, isEssentialConfigName, type EnvFallback } from '../../../src/languages/javascript/env-fallbacks.ts';
import { staticText } from '../../../src/languages/javascript/static-text.ts';

/** Addresses that make a server listen on every interface: a bind address, not a service location. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
/** Variables that conventionally hold the address the app itself listens on. */
const LISTEN_HOST_NAMES = new Set(['HOST', 'BIND_HOST', 'LISTEN_HOST', 'SERVER_HOST']);
const LOOPBACK_ADDRESSES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
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
