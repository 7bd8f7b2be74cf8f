import { defineDetector } from '../../define-check.ts';
import { generatorLiterals, generatorSourcePaths, generatorsOf } from '../../../src/languages/kubernetes/kustomization.ts';
import { classifyText, isPlaceholder } from '../../../src/languages/kubernetes/literal-value.ts';
import type { MessageId } from './index.ts';

/** A SOPS-encrypted env or data file: ciphertext made to be committed. */
const SOPS_MARKS = /ENC\[[A-Z0-9_]+,|^sops_(?:version|mac)=|^sops:/m;

export default defineDetector<MessageId>({
  kinds: ['kustomization'],
  needs: 'yaml',
  detect(context) {
    for (const generator of generatorsOf(context.yaml(), 'secretGenerator')) {
      const literals = generatorLiterals(generator).filter((literal) => classifyText(literal.value).kind === 'literal');
      // Files absent from the repository are generated in CI or ignored: nothing is committed.
      const committedFiles = generatorSourcePaths(generator, context.path).filter((filePath) => {
        if (!context.repo.has(filePath)) return false;
        const text = context.repo.read(filePath);
        return text === undefined || !SOPS_MARKS.test(text);
      });
      if (literals.length === 0 && committedFiles.length === 0) continue;
      const placeholders = committedFiles.length === 0 && literals.every((literal) => isPlaceholder(literal.value));
      const sources = [...(literals.length > 0 ? ['literals'] : []), ...committedFiles.map((filePath) => `\`${filePath}\``)];
      context.report({
        range: generator.range,
        messageId: placeholders ? 'generatorPlaceholders' : 'generator',
        ...(placeholders ? { severity: 'notice' as const } : {}),
        data: { secret: generator.name ?? '(unnamed)', source: sources.join(', ') },
      });
    }
  },
});
