import { SyntaxKind } from '../../src/engine/lazy-ts-morph.ts';
import { defineCheck } from '../define-check.ts';
import { callRange } from '../support/call-range.ts';
import { calleeName } from '../support/callee-name.ts';
import { bindingOf, importsAny } from '../support/imports.ts';
import { moduleReference } from '../support/module-reference.ts';

export default defineCheck({
  id: 'concurrency/no-in-process-cluster',
  meta: {
    factor: 8,
    severity: 'notice',
    title: 'Process forks its own cluster workers',
    description:
      "Twelve-factor apps scale out through the process model: the platform runs as many processes of each type as it is told to, and restarts them. A primary that forks its own workers with Node's cluster module hides that formation from the platform: it cannot scale the workers, count them, route their signals or restart one that dies, and the app's concurrency is fixed in code instead of in configuration.",
    fix: 'Run one process per instance and let the platform (Kubernetes replicas, Heroku dynos, PM2 or systemd) scale the number of processes.',
    kinds: ['script'],
    needs: 'ast',
    messages: {
      clusterFork:
        'Concurrency (VIII): `cluster.fork()` manages the process formation inside the app; run one process per instance and let the platform scale the number of processes.',
    },
  },
  detect(context) {
    if (!importsAny(context, ['cluster'])) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const name = calleeName(call);
      if (name !== 'fork' && bindingOf(context, name) === undefined) continue;
      const reference = moduleReference(context, call.getExpression());
      if (reference?.module === 'cluster' && reference.path.length === 1 && reference.path[0] === 'fork') {
        context.report({ range: callRange(call), messageId: 'clusterFork' });
      }
    }
  },
});
