import check from '../../../checks/build-release-run/no-build-at-start/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const deployment = (containers: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n${containers}`;

testCheck(check, {
  valid: [
    { name: 'the built app in exec form', filename: 'k8s/deploy.yaml', code: deployment(`      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["node", "dist/server.js"]\n`) },
    { name: 'a Job that installs is a one-off', filename: 'k8s/job.yaml', code: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: tool\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: tool\n          image: python:3.12.5\n          command: ["sh", "-c", "pip install httpie && http GET api/healthz"]\n` },
  ],
  invalid: [
    {
      name: 'npm ci before the server',
      filename: 'k8s/deploy.yaml',
      code: deployment(`      containers:\n        - name: api\n          image: node:22.9.0\n          command: ["sh", "-c", "npm ci && npm run build && exec node dist/server.js"]\n`),
      errors: [{ messageId: 'startPath', line: 11, messageIncludes: '`npm ci`' }],
    },
    {
      name: 'an init container that clones the code into a shared volume',
      filename: 'k8s/deploy.yaml',
      code: deployment(`      initContainers:\n        - name: fetch\n          image: alpine/git:2.45.2\n          command: ["git", "clone", "https://github.com/acme/app", "/src"]\n      containers:\n        - name: api\n          image: node:22.9.0\n          command: ["node", "/src/server.js"]\n`),
      errors: [{ messageId: 'startPath', line: 11, messageIncludes: 'pulls code' }],
    },
  ],
});
