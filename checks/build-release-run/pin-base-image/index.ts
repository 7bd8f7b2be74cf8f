import { defineCheck, type CheckMeta } from '../../define-check.ts';
import dockerfile from './dockerfile.ts';

const meta = {
  factor: 5,
  severity: 'warning',
  title: 'Base image not pinned to a version',
  description:
    'A build must turn the same commit into the same release. `FROM node` or `FROM node:latest` resolves to whatever the registry serves on the day of the build, so two builds of one commit can ship different runtimes, and a rebuild to roll back may not give back what ran before.',
  fix: 'Pin the base image to an explicit version tag (`FROM node:22.11-alpine`) or a digest (`FROM node@sha256:…`).',
  messages: {
    untagged: 'Build, release, run (V): base image `{{image}}`{{origin}} has no tag, so it follows `latest`; pin a version tag or digest, e.g. `{{name}}:<version>`.',
    latest: 'Build, release, run (V): base image `{{image}}`{{origin}} uses the moving `latest` tag; pin a version tag or digest, e.g. `{{name}}:<version>`.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'build-release-run/pin-base-image',
  meta,
  detectors: [dockerfile],
});
