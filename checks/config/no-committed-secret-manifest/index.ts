import { defineCheck, type CheckMeta } from '../../define-check.ts';
import kustomization from './kustomization.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 3,
  severity: 'error',
  title: 'Kubernetes Secret committed in clear',
  description:
    'A committed `kind: Secret` with values in `data` or `stringData`, or a kustomize `secretGenerator` fed from literals or committed files, puts credentials in the codebase: base64 is an encoding, not encryption, and everyone who can read the repository — its history, forks and CI logs included — can read them. Credentials are config that belongs outside the code.',
  fix: 'Commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead, or create the Secret out of band, and rotate the values that were committed.',
  scope: 'repository',
  messages: {
    secret:
      'Config (III): Secret {{secret}} is committed with {{count}} literal value(s) in `data`/`stringData` (base64 is an encoding, not encryption); commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead, or create it out of band, and rotate the values.',
    placeholders:
      'Config (III): Secret {{secret}} is committed with placeholder values only; create the real Secret out of band, or commit it as a SealedSecret, an ExternalSecret or a SOPS-encrypted file.',
    generator:
      'Config (III): secretGenerator `{{secret}}` builds a Secret from {{source}} committed to the repository; generate it from files kept out of the repository, or commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead, and rotate the values.',
    generatorPlaceholders:
      'Config (III): secretGenerator `{{secret}}` builds a Secret from placeholder literals; generate it from files kept out of the repository, or commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-committed-secret-manifest',
  meta,
  detectors: [manifest, kustomization],
});
