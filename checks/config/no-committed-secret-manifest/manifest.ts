import type { Node, Pair } from 'yaml';
import { isConnectionPartName } from '../../../src/languages/kubernetes/credential-name.ts';
import { classifyText, isPlaceholder, manifestValue, type ManifestValue } from '../../../src/languages/kubernetes/literal-value.ts';
import { nameLabel } from '../../../src/languages/kubernetes/object-label.ts';
import type { Manifest, ManifestObject } from '../../../src/languages/kubernetes/parse-manifest.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { keyText, mapsAt, pairsNamed, rangeOf, valuesNamed } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default objectDetector<MessageId>((object, manifest, context) => {
  if (!isCoreSecret(object, manifest) || pairsNamed(object.node, 'sops').length > 0) return;
  const literals = literalValues(object, manifest);
  if (literals.length === 0) return;
  const placeholders = literals.every((value) => isPlaceholder(value.text));
  context.report({
    range: rangeOf(object.kindPair.key)!,
    messageId: placeholders ? 'placeholders' : 'secret',
    ...(placeholders ? { severity: 'notice' as const } : {}),
    data: { secret: nameLabel(object), count: literals.length },
  });
});

/** `kind: Secret` of the core API (`v1`, or an apiVersion the template writes). */
function isCoreSecret(object: ManifestObject, manifest: Manifest): boolean {
  if (object.kind !== 'Secret') return false;
  return object.apiVersion === 'v1' || valuesNamed(object.node, 'apiVersion').some((value) => manifest.isTemplated(value));
}

/**
 * The literal values of a Secret's `data` (decoded from base64) and `stringData`, leaving out
 * the non-secret parts of a connection (`username`, `DB_HOST`) that sit beside templated
 * credentials.
 */
function literalValues(object: ManifestObject, manifest: Manifest): ManifestValue[] {
  const entries = [
    ...mapsAt(object.node, ['data']).flatMap((data) => data.items.map((pair) => ({ pair, encoded: true }))),
    ...mapsAt(object.node, ['stringData']).flatMap((data) => data.items.map((pair) => ({ pair, encoded: false }))),
  ];
  return entries.flatMap(({ pair, encoded }) => {
    const name = keyText(pair);
    if (name === undefined || manifest.isTemplated(pair.key) || isConnectionPartName(name)) return [];
    const value = entryValue(pair, encoded, manifest);
    return value.kind === 'literal' ? [value] : [];
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function entryValue(pair: Pair<Node, Node | null>, encoded: boolean, manifest: Manifest): ManifestValue {
  const value = manifestValue(pair.value, manifest);
  if (!encoded || value.kind !== 'literal' || !BASE64.test(value.text)) return value;
  return classifyText(Buffer.from(value.text, 'base64').toString('utf8'));
}
