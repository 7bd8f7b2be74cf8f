import { defineCheck, type CheckMeta } from '../../define-check.ts';
import helmValues from './helm-values.ts';
import kustomization from './kustomization.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 5,
  severity: 'warning',
  title: 'Deployed image not pinned to a release',
  description:
    'A release must be immutable. A container image tagged `latest`, or with no tag at all (which means `latest`), is resolved again whenever a node pulls it: two pods of one Deployment can run different builds, and rolling back to an earlier manifest may not restore the build that ran with it.',
  fix: 'Deploy an immutable version tag or a digest (`@sha256:…`) and change it per release.',
  scope: 'repository',
  messages: {
    latest:
      'Build, release, run (V): container `{{container}}` of {{workload}} runs `{{image}}`, the mutable `latest` tag; deploy an immutable version tag or a digest (`@sha256:…`) and change it per release.',
    untagged:
      'Build, release, run (V): container `{{container}}` of {{workload}} runs `{{image}}` with no tag, which means `latest`; deploy an immutable version tag or a digest (`@sha256:…`) and change it per release.',
    kustomizeLatest:
      'Build, release, run (V): kustomize sets image `{{image}}` to the mutable `latest` tag; set `newTag` to an immutable version, or a `digest`, and change it per release.',
    valuesLatest:
      'Build, release, run (V): the chart\'s values deploy `{{image}}` with the mutable `latest` tag; set an immutable version tag or a digest and change it per release.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'build-release-run/pin-deploy-image',
  meta,
  detectors: [manifest, kustomization, helmValues],
});
