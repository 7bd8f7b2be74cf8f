import check from '../../../checks/admin-processes/no-migrate-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

/** A Deployment (or another workload) whose pod spec holds `containers` (indented for `spec.template.spec`). */
const workload = (kind: string, containers: string, extra = '') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: api\n${extra}spec:\n  template:\n    spec:\n${containers}`;
const CHART = { 'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n' };

testCheck(check, {
  valid: [
    {
      name: 'a Helm pre-upgrade hook Job runs the migration',
      filename: 'chart/templates/migrate.yaml',
      code: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    "helm.sh/hook": pre-install,pre-upgrade\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: "{{ .Values.image }}"\n          command: ["npx", "prisma", "migrate", "deploy"]\n`,
      files: CHART,
    },
    { name: 'a CronJob', filename: 'k8s/cron.yaml', code: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: seed\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: seed\n              image: app:1.2.0\n              command: ["python", "manage.py", "migrate"]\n` },
    { name: 'a read-only check before exec', filename: 'k8s/deploy.yaml', code: workload('Deployment', `      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["sh", "-c", "npx prisma migrate status && exec node dist/server.js"]\n`) },
    { name: 'the word inside flags and names', filename: 'k8s/deploy.yaml', code: workload('Deployment', `      containers:\n        - name: api\n          image: app:1.2.0\n          args: ["node", "dist/server.js", "--migrations-dir", "db/migrations"]\n          env:\n            - name: SKIP_MIGRATIONS\n              value: "true"\n`) },
    { name: 'a Pod that runs once', filename: 'k8s/pod.yaml', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: migrate\nspec:\n  restartPolicy: Never\n  containers:\n    - name: migrate\n      image: app:1.2.0\n      command: ["alembic", "upgrade", "head"]\n` },
  ],
  invalid: [
    {
      name: 'chained before the server in a Deployment',
      filename: 'k8s/deploy.yaml',
      code: workload('Deployment', `      containers:\n        - name: api\n          image: app:1.2.0\n          command: ["sh", "-c", "npx prisma migrate deploy && exec node dist/server.js"]\n`),
      errors: [{ messageId: 'startPath', line: 11, severity: 'warning', messageIncludes: '(k8s/deploy.yaml line 11)' }],
    },
    {
      name: 'a block script: the migration keeps its own line',
      filename: 'k8s/deploy.yaml',
      code: workload('StatefulSet', `      containers:\n        - name: api\n          image: app:1.2.0\n          command:\n            - /bin/sh\n            - -c\n            - |\n              set -e\n              python manage.py migrate --noinput\n              exec gunicorn app.wsgi --bind 0.0.0.0:8000\n`),
      errors: [{ messageId: 'startPath', line: 16 }],
    },
    {
      name: 'in an init container: notice',
      filename: 'chart/templates/deployment.yaml',
      code: workload('Deployment', `      initContainers:\n        - name: migrate\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          command: ["npm", "run", "migrate"]\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          command: ["node", "dist/server.js"]\n`),
      files: CHART,
      errors: [{ messageId: 'startPath', line: 11, severity: 'notice' }],
    },
  ],
});
