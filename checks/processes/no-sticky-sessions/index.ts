import { defineCheck, type CheckMeta } from '../../define-check.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 6,
  severity: 'warning',
  title: 'Sticky sessions',
  description:
    'Twelve-factor processes are stateless: sticky sessions are "a violation of twelve-factor and should never be used or relied upon". Pinning each client to one pod (`sessionAffinity: ClientIP`, an affinity cookie at the ingress or load balancer) hides per-process session state that a restart, a scale-in or a rollout destroys.',
  fix: 'Keep session state in a backing service (Redis, a database) or a signed cookie, and remove the affinity.',
  scope: 'repository',
  messages: {
    sticky:
      'Processes (VI): {{object}} turns on sticky sessions with `{{setting}}`, relying on per-process session state that a restart, scale-in or rollout destroys; keep session state in a backing service (Redis, a database) or a signed cookie, and remove the affinity.',
    stickyUnchecked:
      'Processes (VI): {{object}} turns on sticky sessions with `{{setting}}`; not every manifest of the repository could be read to tell whether it fronts a StatefulSet. Unless it does, keep session state in a backing service (Redis, a database) or a signed cookie, and remove the affinity.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'processes/no-sticky-sessions',
  meta,
  detectors: [manifest],
});
