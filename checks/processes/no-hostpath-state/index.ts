import { defineCheck, type CheckMeta } from '../../define-check.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 6,
  severity: 'warning',
  title: 'Replicated workload keeps state on its node (hostPath)',
  description:
    'Twelve-factor processes are stateless and share nothing. A Deployment (or ReplicaSet, Rollout, DeploymentConfig) whose container writes to a `hostPath` volume keeps uploads, sessions, caches or reports on whichever node the pod landed on: replicas see different data, and the data is gone when the pod is scheduled elsewhere.',
  fix: 'Keep the state in a backing service (object storage, a database, Redis), or use `emptyDir` for scratch space that may vanish.',
  messages: {
    hostPath:
      'Processes (VI): {{workload}} mounts hostPath `{{path}}` (volume `{{volume}}`) writable, so its state lives on one node and differs between replicas; keep it in a backing service (object storage, a database, Redis), or use `emptyDir` for scratch space.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-hostpath-state',
  meta,
  detectors: [manifest],
});
