import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 8,
  severity: 'notice',
  title: 'Process forks its own cluster workers',
  description:
    "Twelve-factor apps scale out through the process model: the platform runs as many processes of each type as it is told to, and restarts them. A primary that forks its own workers (Node's cluster module, Python's multiprocessing or os.fork) hides that formation from the platform: it cannot scale the workers, count them, route their signals or restart one that dies, and the app's concurrency is fixed in code instead of in configuration.",
  fix: 'Run one process per instance and let the platform (Kubernetes replicas, Heroku dynos, PM2 or systemd) scale the number of processes.',
  messages: {
    clusterFork:
      'Concurrency (VIII): `cluster.fork()` manages the process formation inside the app; run one process per instance and let the platform scale the number of processes.',
    processLoop:
      'Concurrency (VIII): {{call}} in a loop starts the app\'s own formation of server or consumer processes; run one process per instance and let the platform scale the number of processes.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'concurrency/no-in-process-cluster',
  meta,
  detectors: [javascript, python],
});
