import { defineCheck, type CheckMeta } from '../../define-check.ts';
import kustomization from './kustomization.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 3,
  severity: 'error',
  title: 'Credential in a ConfigMap',
  description:
    'A ConfigMap is config for everyone: it is committed in clear, readable by anything allowed to read config, and printed by `kubectl describe`. A credential-named key with a literal value in its `data`, or in a kustomize `configMapGenerator` literal, publishes the credential with the codebase and with the cluster\'s configuration.',
  fix: 'Move the value into a Secret that is not committed and reference it with `secretKeyRef` or `envFrom.secretRef`, then rotate the value that was committed.',
  winsOver: ['secrets/generic-password', 'secrets/generic-secret'],
  messages: {
    clear:
      'Config (III): {{source}} holds the credential `{{name}}` in clear; move it into a Secret that is not committed and reference it with `secretKeyRef` or `envFrom.secretRef`.',
    placeholder:
      'Config (III): {{source}} has a placeholder for the credential `{{name}}`; credentials belong in a Secret that is not committed, referenced with `secretKeyRef` or `envFrom.secretRef`.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-secret-in-configmap',
  meta,
  detectors: [manifest, kustomization],
});
