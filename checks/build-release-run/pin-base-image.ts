import { defineCheck } from '../define-check.ts';
import { dockerStages, globalArgs, offsetOf } from '../support/dockerfile-stages.ts';
import { expandVariables, parseImageReference } from '../support/image-reference.ts';

export default defineCheck({
  id: 'build-release-run/pin-base-image',
  meta: {
    factor: 5,
    severity: 'warning',
    title: 'Base image not pinned to a version',
    description:
      'A build must turn the same commit into the same release. `FROM node` or `FROM node:latest` resolves to whatever the registry serves on the day of the build, so two builds of one commit can ship different runtimes, and a rebuild to roll back may not give back what ran before.',
    fix: 'Pin the base image to an explicit version tag (`FROM node:22.11-alpine`) or a digest (`FROM node@sha256:…`).',
    kinds: ['dockerfile'],
    needs: 'dockerfile',
    messages: {
      untagged: 'Build, release, run (V): base image `{{image}}`{{origin}} has no tag, so it follows `latest`; pin a version tag or digest, e.g. `{{name}}:<version>`.',
      latest: 'Build, release, run (V): base image `{{image}}`{{origin}} uses the moving `latest` tag; pin a version tag or digest, e.g. `{{name}}:<version>`.',
    },
  },
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
