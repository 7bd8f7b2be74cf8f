import { defineCheck, type CheckMeta } from '../../define-check.ts';
import manifest from './manifest.ts';

const meta = {
  factor: 9,
  severity: 'warning',
  title: 'No time to shut down gracefully',
  description:
    'Processes shut down gracefully when they receive SIGTERM: they stop taking work, finish what is in flight and exit. `terminationGracePeriodSeconds: 0` kills a long-running workload\'s pods at once, and a grace period no longer than the preStop hook\'s sleep is used up by the hook, so SIGTERM comes at most two seconds before SIGKILL: in-flight requests fail and jobs are cut off mid-way.',
  fix: 'Remove the setting (30 s by default) or give it more than the preStop delay plus the app\'s drain time.',
  messages: {
    zero:
      'Disposability (IX): {{workload}} sets `terminationGracePeriodSeconds: 0`, so its processes are killed without a chance to finish in-flight work; remove the setting (30 s by default) or give it more than the preStop delay plus the drain time.',
    preStop:
      'Disposability (IX): {{workload}} gives {{seconds}} s to shut down but its preStop hook sleeps {{sleep}} s, so SIGTERM comes at most two seconds before SIGKILL; remove the setting or give it more than the preStop delay plus the drain time.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'disposability/no-zero-grace-period',
  meta,
  detectors: [manifest],
});
