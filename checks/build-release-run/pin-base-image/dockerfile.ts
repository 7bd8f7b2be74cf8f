import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { dockerStages, globalArgs, offsetOf } from '../../support/dockerfile-stages.ts';
import { expandVariables, parseImageReference } from '../../support/image-reference.ts';

export default defineDetector<MessageId>({
  kinds: ['dockerfile'],
  needs: 'dockerfile',
  detect(context) {
    const stages = dockerStages(context);
    const args = globalArgs(context);
    stages.forEach((stage, index) => {
      const written = stage.from.getImage();
      const range = stage.from.getImageRange();
      if (!written || !range || stage.parent) return;
      const image = written.includes('$') ? expandVariables(written, (name) => args.get(name)) : written;
      if (image === undefined || image === '' || image.toLowerCase() === 'scratch') return;
      if (stages.slice(0, index).some((earlier) => earlier.name === image.toLowerCase())) return;
      const reference = parseImageReference(image);
      if (reference.digest) return;
      const messageId = reference.tag === undefined ? 'untagged' : reference.tag === 'latest' ? 'latest' : undefined;
      if (!messageId) return;
      context.report({
        range: [offsetOf(context, range.start), offsetOf(context, range.end)],
        messageId,
        data: {
          image,
          origin: image === written ? '' : ` (\`${written}\` with its ARG defaults)`,
          name: [reference.registry, reference.repository].filter(Boolean).join('/'),
        },
      });
    });
  },
});
