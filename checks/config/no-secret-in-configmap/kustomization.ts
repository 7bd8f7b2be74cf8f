import { defineDetector } from '../../define-check.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { generatorLiterals, generatorsOf } from '../../../src/languages/kubernetes/kustomization.ts';
import { classifyText, isPlaceholder } from '../../../src/languages/kubernetes/literal-value.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: ['kustomization'],
  needs: 'yaml',
  detect(context) {
    for (const generator of generatorsOf(context.yaml(), 'configMapGenerator')) {
      for (const literal of generatorLiterals(generator)) {
        if (!isCredentialLikeName(literal.name)) continue;
        const value = classifyText(literal.value);
        if (value.kind !== 'literal') continue;
        const placeholder = isPlaceholder(value.text);
        context.report({
          range: literal.range,
          messageId: placeholder ? 'placeholder' : 'clear',
          ...(placeholder ? { severity: 'notice' as const } : {}),
          data: { name: literal.name, source: `configMapGenerator \`${generator.name ?? '(unnamed)'}\`` },
        });
      }
    }
  },
});
