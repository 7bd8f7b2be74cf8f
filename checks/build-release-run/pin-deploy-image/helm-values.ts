import { isScalar, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { defineDetector } from '../../define-check.ts';
import { chartDirectoryOf } from '../../../src/languages/kubernetes/file-kinds.ts';
import { keyText, pairRange, pairsNamed, scalarText, textOf } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: ['helm-values'],
  needs: 'yaml',
  detect(context) {
    if (chartDirectoryOf(context.repo, context.path, context.kind) === undefined) return;
    visit(context.yaml(), {
      Map(_key, node) {
        const map = node as YAMLMap<Node, Node | null>;
        const [tagPair] = pairsNamed(map, 'tag');
        // An image block (`repository:` + `tag:`); an empty tag defers to the chart's appVersion.
        if (tagPair && pairsNamed(map, 'repository').length > 0 && scalarText(tagPair.value) === 'latest') {
          context.report({ range: pairRange(tagPair, context.text), messageId: 'valuesLatest', data: { image: `${textOf(map, 'repository') ?? '(repository)'}:latest` } });
        }
      },
      Pair(_key, pair: Pair) {
        const image = scalarText(pair.value);
        if (keyText(pair) !== 'image' || !isScalar(pair.value) || image === undefined || !image.endsWith(':latest')) return;
        context.report({ range: pairRange(pair, context.text), messageId: 'valuesLatest', data: { image } });
      },
    });
  },
});
