import { defineDetector } from '../../define-check.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { isPlaceholder, manifestValue } from '../../../src/languages/kubernetes/literal-value.ts';
import { MANIFEST_KINDS, readManifest } from '../../../src/languages/kubernetes/read-manifest.ts';
import { containerLabel, objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import { containersOf, podSpecsOf } from '../../../src/languages/kubernetes/workloads.ts';
import { mapItems, pairRange, pairsNamed, textOf } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: MANIFEST_KINDS,
  needs: 'yaml',
  detect(context) {
    readManifest(context, (manifest) => {
      for (const object of manifest.objects) {
        for (const podSpec of podSpecsOf(object)) {
          for (const container of containersOf(podSpec)) {
            for (const entry of mapItems(container.node, 'env')) {
              const [namePair] = pairsNamed(entry, 'name');
              if (!namePair || manifest.isTemplated(namePair.value) || pairsNamed(entry, 'valueFrom').length > 0) continue;
              const name = textOf(entry, 'name');
              if (name === undefined || !isCredentialLikeName(name)) continue;
              for (const pair of pairsNamed(entry, 'value')) {
                const value = manifestValue(pair.value, manifest);
                if (value.kind !== 'literal') continue;
                const placeholder = isPlaceholder(value.text);
                context.report({
                  range: pairRange(pair, context.text),
                  messageId: placeholder ? 'placeholder' : 'literal',
                  ...(placeholder ? { severity: 'notice' as const } : {}),
                  data: { name, container: containerLabel(manifest, container.node), workload: objectLabel(object), value: value.text },
                });
              }
            }
          }
        }
      }
    });
  },
});
