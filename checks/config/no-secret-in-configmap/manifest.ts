import { defineDetector } from '../../define-check.ts';
import { isCredentialLikeName } from '../../../src/languages/kubernetes/credential-name.ts';
import { isPlaceholder, manifestValue } from '../../../src/languages/kubernetes/literal-value.ts';
import { MANIFEST_KINDS, readManifest } from '../../../src/languages/kubernetes/read-manifest.ts';
import { objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import { mapsAt, keyText, pairRange } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: MANIFEST_KINDS,
  needs: 'yaml',
  detect(context) {
    readManifest(context, (manifest) => {
      for (const object of manifest.objects) {
        if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') continue;
        // Only top-level keys are judged by name; embedded files (`application.yaml: |`) are
        // left to secret scanning, and `binaryData` holds no text.
        for (const data of mapsAt(object.node, ['data'])) {
          for (const pair of data.items) {
            const name = keyText(pair);
            if (name === undefined || manifest.isTemplated(pair.key) || !isCredentialLikeName(name)) continue;
            const value = manifestValue(pair.value, manifest);
            if (value.kind !== 'literal') continue;
            const placeholder = isPlaceholder(value.text);
            context.report({
              range: pairRange(pair, context.text),
              messageId: placeholder ? 'placeholder' : 'clear',
              ...(placeholder ? { severity: 'notice' as const } : {}),
              data: { name, source: objectLabel(object) },
            });
          }
        }
      }
    });
  },
});
