import check from '../../../checks/disposability/signal-forwarding/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const deployment = (containers: string, kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n${containers}`;

testCheck(check, {
  valid: [
    { name: 'exec form', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["node", "dist/server.js"]\n`) },
    { name: 'the last command started with exec', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["sh", "-c", "node scripts/check-env.js && exec node dist/server.js"]\n`) },
    { name: 'no command: the image CMD is the Dockerfile rule\'s', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n`) },
    { name: 'dumb-init signals the group', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["dumb-init", "--", "sh", "-c", "node scripts/warm.js && node dist/server.js"]\n`) },
    { name: 'a trap that forwards TERM', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command:\n            - sh\n            - -c\n            - |\n              trap 'kill -TERM "$child"' TERM\n              node dist/server.js &\n              child=$!\n              wait "$child"\n`) },
    { name: 'an init container', filename: 'k8s/deploy.yaml', code: deployment(`      initContainers:\n        - name: wait\n          image: busybox:1.36\n          command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done; node x.js"]\n      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["node", "dist/server.js"]\n`) },
    { name: 'a Job', filename: 'k8s/job.yaml', code: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: report\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: report\n          image: app:1.2.0\n          command: ["sh", "-c", "node dist/report.js"]\n` },
  ],
  invalid: [
    {
      name: 'sh -c whose last command is not exec\'d',
      filename: 'k8s/deploy.yaml',
      code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["sh", "-c", "npx prisma migrate deploy && node dist/server.js"]\n`),
      errors: [{ messageId: 'mainWithoutExec', line: 11, replacement: '          command: ["sh", "-c", "npx prisma migrate deploy && exec node dist/server.js"]' }],
    },
    {
      name: 'a block script: at the last command\'s own line',
      filename: 'k8s/deploy.yaml',
      code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command:\n            - /bin/sh\n            - -c\n            - |\n              set -e\n              gunicorn app.wsgi --bind 0.0.0.0:8000\n`, 'StatefulSet'),
      errors: [{ messageId: 'mainWithoutExec', line: 16 }],
    },
    {
      name: 'npm start as the command: npm is PID 1',
      filename: 'k8s/deploy.yaml',
      code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["npm", "start"]\n`),
      files: { 'package.json': JSON.stringify({ scripts: { start: 'node dist/server.js' } }) },
      errors: [{ messageId: 'packageManagerOnPath', line: 11 }],
    },
  ],
});
