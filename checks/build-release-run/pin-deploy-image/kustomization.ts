import { defineDetector } from '../../define-check.ts';
import { kustomizeImages } from '../../../src/languages/kubernetes/kustomization.ts';
import { pairRange } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: ['kustomization'],
  needs: 'yaml',
  detect(context) {
    for (const image of kustomizeImages(context.yaml())) {
      if (image.newTag !== 'latest' || image.digest !== undefined || !image.newTagPair) continue;
      context.report({ range: pairRange(image.newTagPair, context.text), messageId: 'kustomizeLatest', data: { image: image.name } });
    }
  },
});
