import { isScalar } from 'yaml';
import type { CheckContext } from '../../define-check.ts';
import { parseImageReference } from '../../support/image-reference.ts';
import { containerLabel, objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import { imagesPinnedElsewhere } from '../../../src/languages/kubernetes/pinned-images.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { podContainersOf } from '../../../src/languages/kubernetes/workloads.ts';
import { pairRange, pairsNamed, scalarText } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

export default objectDetector<MessageId>((object, manifest, context) => {
  for (const { container } of podContainersOf(object)) {
    for (const pair of pairsNamed(container.node, 'image')) {
      const image = scalarText(pair.value);
      if (!isScalar(pair.value) || image === undefined || manifest.isTemplated(pair.value)) continue;
      const problem = mutableTag(image);
      if (problem === undefined || (problem === 'untagged' && mayBePinnedElsewhere(context, image.trim()))) continue;
      context.report({
        range: pairRange(pair, context.text),
        messageId: problem,
        data: { image, container: containerLabel(manifest, container.node), workload: objectLabel(object) },
      });
    }
  }
});

/** An untagged image pinned by a kustomization or Skaffold, or by one the review could not read. */
function mayBePinnedElsewhere(context: CheckContext, image: string): boolean {
  const pinned = imagesPinnedElsewhere(context);
  return pinned.names.has(image) || !pinned.complete;
}

/**
 * Why an image reference is not a release, if it is not: the `latest` tag, or no tag and no
 * digest. A substitution (`${IMAGE_TAG}`) is rendered at deploy time, and ko resolves `ko://`
 * references to digests.
 */
function mutableTag(image: string): 'latest' | 'untagged' | undefined {
  const trimmed = image.trim();
  if (trimmed === '' || trimmed.startsWith('ko://') || /\$\{|\$\(/.test(trimmed)) return undefined;
  const reference = parseImageReference(trimmed);
  if (reference.digest !== undefined) return undefined;
  if (reference.tag === undefined) return 'untagged';
  return reference.tag === 'latest' ? 'latest' : undefined;
}
