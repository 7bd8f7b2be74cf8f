import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

/*
 * The acceptance cases of the start-command and Kubernetes issues, reviewed as a user runs the
 * CLI: every rule enabled, every file of the repository under review.
 */

async function reviewAll(files: Record<string, string>) {
  return review({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo: new MemoryRepository(files) });
}

const DJANGO = {
  'manage.py': 'import os\nimport sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n',
  'requirements.txt': 'Django==5.0.7\ngunicorn==22.0.0\n',
  Dockerfile: 'FROM python:3.12.5-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n',
};

describe('a Django project whose entrypoint migrates, then starts gunicorn without exec', () => {
  it('gets two findings at the script lines, each naming the process and the chain from the Dockerfile', async () => {
    const report = await reviewAll({
      ...DJANGO,
      'docker-entrypoint.sh': '#!/bin/sh\nset -e\n\necho "Applying database migrations"\npython manage.py migrate --noinput\n\ngunicorn mysite.wsgi:application --bind 0.0.0.0:8000\n',
    });
    expect(report.findings.map((finding) => [finding.path, finding.line, finding.ruleId])).toEqual([
      ['docker-entrypoint.sh', 5, 'admin-processes/no-migrate-in-web'],
      ['docker-entrypoint.sh', 7, 'disposability/signal-forwarding'],
    ]);
    for (const finding of report.findings) {
      expect(finding.message).toContain('the web process');
      expect(finding.message).toContain(`Dockerfile line 7 → docker-entrypoint.sh line ${finding.line}`);
    }
  });

  it('gets none once migrations run in a release process and the server is exec\'d', async () => {
    const report = await reviewAll({
      ...DJANGO,
      Procfile: 'release: python manage.py migrate --noinput\n',
      'docker-entrypoint.sh': '#!/bin/sh\nset -e\n\nexec gunicorn mysite.wsgi:application --bind 0.0.0.0:8000\n',
    });
    expect(report.findings).toEqual([]);
  });
});

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.4.0\nappVersion: "2.3.1"\n',
  'chart/templates/_helpers.tpl': '{{- define "api.name" -}}api{{- end }}\n',
};
const deployment = (command: string, env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "api.name" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          command: ${command}\n          env:\n${env}`;

describe('a Helm chart', () => {
  it('with a literal DB_PASSWORD, migrations chained in sh -c and tag latest gets those findings at their lines (and PID 1 for the un-exec\'d server)', async () => {
    const report = await reviewAll({
      ...CHART,
      'chart/values.yaml': 'replicaCount: 3\nimage:\n  repository: registry.example.com/shop/api\n  tag: latest\n',
      'chart/templates/deployment.yaml': deployment('["sh", "-c", "npx prisma migrate deploy && node dist/server.js"]', '            - name: DB_PASSWORD\n              value: "pr0d-Pa55word"\n'),
    });
    expect(report.findings.map((finding) => [finding.path, finding.line, finding.ruleId])).toEqual([
      ['chart/templates/deployment.yaml', 12, 'admin-processes/no-migrate-in-web'],
      ['chart/templates/deployment.yaml', 12, 'disposability/signal-forwarding'],
      ['chart/templates/deployment.yaml', 15, 'config/no-literal-secret-env'],
      ['chart/values.yaml', 4, 'build-release-run/pin-deploy-image'],
    ]);
    expect(report.findings[0]!.message).toContain('(chart/templates/deployment.yaml line 12)');
  });

  it('fixed — a secretKeyRef, a pre-upgrade hook Job for migrations, exec node, a version tag — gets none; a SealedSecret and a SOPS Secret produce nothing', async () => {
    const report = await reviewAll({
      ...CHART,
      'chart/values.yaml': 'replicaCount: 3\nimage:\n  repository: registry.example.com/shop/api\n  tag: "2.3.1"\n',
      'chart/templates/deployment.yaml': deployment(
        '["sh", "-c", "exec node dist/server.js"]',
        '            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: api-db\n                  key: password\n',
      ),
      'chart/templates/migrate-job.yaml':
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: api-migrate\n  annotations:\n    "helm.sh/hook": pre-install,pre-upgrade\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          command: ["npx", "prisma", "migrate", "deploy"]\n',
      'k8s/sealed.yaml':
        'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: api-db\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq0Kdwd9Fx3jzwiJEkdH2tYvm0Q6YfqB2cT4xhZPJW7cXKYOuRRDD1SZTtGP6pXiyEr2lWbM6zVmhw4PLyQJmE0NNsqUhGAyMzq0tvdn+tJEjuUJLBwwHR4r5fqEqh2JqV3J9NRpHh6nRR7ZfjcTXWCz9vOVqwCMpo+Tx5gSf6wu4XZsTeP8N9+TVd0KQf1b9ehjTmUKH0WvZkSfsnqxVE0XhRBsUSxgkVzphpO7ddJ73qQAvQWYc7lTr5JDHAQwJXAIzOoJWkpyRBp2MaKhtXpvBc3Mf1s7tM2u5aDGYPXYq1bcN9NRAmm2d2NRw9W0cFmYV9W3aNpr4WHmcjzqOaIyvDpKZZS4MGl+A5W0cRUpO4G3wM7bTn9k1T3MG0OR9j6Lq6HgsyvKfDKkLpAyDqzxv9vv7ULpYPbRuG6vRFy7wKX9zjHgn5F0YB4q4MmFaI6jHkA0A4W3ETfErwSuyh5bJ84Wm2AXGRLa8O9hNEn1ZXh6vE0=\n',
      'k8s/secret.sops.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-db\ntype: Opaque\nstringData:\n  password: ENC[AES256_GCM,data:Tr7o1bZ1ms4=,iv:1nRfJlX8I6w2mGkDZzSqRZyKQGdqJmMo0PvbMRkqMF0=,tag:9eMzxR4lAkPZ2UGJJSvYoA==,type:str]\nsops:\n  age:\n    - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n      enc: |\n        -----BEGIN AGE ENCRYPTED FILE-----\n        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBxM3dNeGVCbnJmWk1OV3Fv\n        -----END AGE ENCRYPTED FILE-----\n  lastmodified: "2026-11-30T10:12:44Z"\n  mac: ENC[AES256_GCM,data:4mQy1Rx7X0Vt,iv:Zy0Ej4Pq2Hk=,tag:Qm9c8g==,type:str]\n  version: 3.9.1\n',
    });
    expect(report.findings).toEqual([]);
  });
});
