import { defineCheck, type CheckMeta } from '../../define-check.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 3,
  severity: 'error',
  title: 'Credential written as a literal container env value',
  description:
    'A container `env` entry named like a credential (`DB_PASSWORD`, `STRIPE_SECRET_KEY`) with a literal `value:` commits the credential with the manifest: anyone who can read the repository, or the object in the cluster, can read it, and it is the same in every deploy that applies the file. Credentials are config that belongs in a Secret kept out of the codebase.',
  fix: 'Put the value in a Secret that is not committed and reference it with `valueFrom.secretKeyRef`, then rotate the value that was committed.',
  winsOver: ['secrets/generic-password', 'secrets/generic-secret'],
  messages: {
    literal:
      'Config (III): env `{{name}}` of container `{{container}}` in {{workload}} is a literal credential committed with the manifest; put it in a Secret that is not committed and read it with `valueFrom.secretKeyRef`.',
    placeholder:
      'Config (III): env `{{name}}` of container `{{container}}` in {{workload}} holds the placeholder `{{value}}`; read the real value from a Secret with `valueFrom.secretKeyRef` instead of editing it in.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-literal-secret-env',
  meta,
  detectors: [manifest],
});
