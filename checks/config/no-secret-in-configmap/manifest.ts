import { credentialReport } from '../../support/credential-report.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { manifestValue } from '../../../src/languages/kubernetes/literal-value.ts';
import { objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { keyText, mapsAt, pairRange } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default objectDetector<MessageId>((object, manifest, context) => {
  if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') return;
  // Only top-level keys are judged by name; embedded files (`application.yaml: |`) are left to
  // secret scanning, and `binaryData` holds no text.
  for (const data of mapsAt(object.node, ['data'])) {
    for (const pair of data.items) {
      const name = keyText(pair);
      if (name === undefined || manifest.isTemplated(pair.key) || !isCredentialLikeName(name)) continue;
      const value = manifestValue(pair.value, manifest);
      if (value.kind !== 'literal') continue;
      context.report({
        range: pairRange(pair, context.text),
        ...credentialReport<MessageId>(value.text, { clear: 'clear', placeholder: 'placeholder' }),
        data: { name, source: objectLabel(object) },
      });
    }
  }
});
