import { SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { calleeName } from '../../../src/languages/javascript/callee-name.ts';
import { bindingOf, importsAny } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!importsAny(context, ['cluster'])) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const name = calleeName(call);
      if (name !== 'fork' && bindingOf(context, name) === undefined) continue;
      const reference = moduleReference(context, call.getExpression());
      if (reference?.module === 'cluster' && reference.path.length === 1 && reference.path[0] === 'fork') {
        context.report({ range: callRange(call), messageId: 'clusterFork' });
      }
    }
  },
});
