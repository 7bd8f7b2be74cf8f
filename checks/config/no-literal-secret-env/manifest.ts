import { credentialReport } from '../../support/credential-report.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { manifestValue } from '../../../src/languages/kubernetes/literal-value.ts';
import { containerLabel, objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { podContainersOf } from '../../../src/languages/kubernetes/workloads.ts';
import { mapItems, pairRange, pairsNamed, textOf } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default objectDetector<MessageId>((object, manifest, context) => {
  for (const { container } of podContainersOf(object)) {
    for (const entry of mapItems(container.node, 'env')) {
      const [namePair] = pairsNamed(entry, 'name');
      if (!namePair || manifest.isTemplated(namePair.value) || pairsNamed(entry, 'valueFrom').length > 0) continue;
      const name = textOf(entry, 'name');
      if (name === undefined || !isCredentialLikeName(name)) continue;
      for (const pair of pairsNamed(entry, 'value')) {
        const value = manifestValue(pair.value, manifest);
        if (value.kind !== 'literal') continue;
        context.report({
          range: pairRange(pair, context.text),
          ...credentialReport<MessageId>(value.text, { clear: 'literal', placeholder: 'placeholder' }),
          data: { name, container: containerLabel(manifest, container.node), workload: objectLabel(object), value: value.text },
        });
      }
    }
  }
});
