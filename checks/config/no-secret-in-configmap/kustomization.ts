import { defineDetector } from '../../define-check.ts';
import { credentialReport } from '../../support/credential-report.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { generatorLiterals, generatorsOf } from '../../../src/languages/kubernetes/kustomization.ts';
import { classifyText } from '../../../src/languages/kubernetes/literal-value.ts';
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
        context.report({
          range: literal.range,
          ...credentialReport<MessageId>(value.text, { clear: 'clear', placeholder: 'placeholder' }),
          data: { name: literal.name, source: `configMapGenerator \`${generator.name ?? '(unnamed)'}\`` },
        });
      }
    }
  },
});
