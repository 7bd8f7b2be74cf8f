import check from '../../../checks/config/no-literal-secret-env/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

/** A Deployment whose one container has the given `env` entries (indented for `env:`). */
function deployment(env: string, kind = 'Deployment'): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders:1.4.2
          env:
${env}`;
}

testCheck(check, {
  valid: [
    {
      name: 'valueFrom of every sort, and envFrom',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: orders-db, key: password }
            - name: API_TOKEN
              valueFrom:
                configMapKeyRef: { name: orders, key: token }
            - name: POD_SECRET
              valueFrom:
                fieldRef: { fieldPath: metadata.name }
          envFrom:
            - secretRef: { name: orders-env }
`),
    },
    {
      name: 'empty, reference, path and boolean values',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: STRIPE_SECRET_KEY
              value: ""
            - name: DATABASE_URL
              value: postgres://orders:$(DB_PASSWORD)@orders-db:5432/orders
            - name: SESSION_SECRET
              value: \${SESSION_SECRET}
            - name: GOOGLE_APPLICATION_CREDENTIALS
              value: /var/secrets/google/key.json
            - name: REQUIRE_API_TOKEN
              value: "true"
`),
    },
    {
      name: 'names that are not credential-like',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: AWS_ACCESS_KEY_ID
              value: AKIAIOSFODNN7EXAMPLE
            - name: SECRET_NAME
              value: orders-db
            - name: TOKEN_TTL_SECONDS
              value: "3600"
            - name: AUTH_TOKEN_URL
              value: https://auth.internal/token
            - name: JWT_PUBLIC_KEY
              value: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
            - name: DB_PASSWORD_FILE
              value: db-password
            - name: CACHE_KEY
              value: orders-v2
`),
    },
    {
      name: 'a Helm template: templated values, and names written by a range',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          env:
            - name: API_TOKEN
              value: {{ .Values.apiToken | quote }}
            - name: DB_PASSWORD
              value: "{{ .Values.db.password }}"
            {{- range $name, $value := .Values.extraEnv }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
            {{- with .Values.env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
`,
    },
    {
      name: 'a chart test is test code',
      filename: 'chart/templates/test-connection.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Pod
metadata:
  name: "{{ include "orders.fullname" . }}-test"
  annotations:
    "helm.sh/hook": test
spec:
  restartPolicy: Never
  containers:
    - name: wget
      image: busybox:1.36
      env:
        - name: ADMIN_PASSWORD
          value: Wq9-kL2m-Zx81
`,
    },
    {
      name: 'env of kinds that are not workloads (a Tekton Task)',
      filename: 'ci/task.yaml',
      code: `apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: build
spec:
  steps:
    - name: build
      image: gcr.io/kaniko-project/executor:v1.23.0
      env:
        - name: REGISTRY_PASSWORD
          value: Wq9-kL2m-Zx81
`,
    },
    {
      name: 'a YAML file that is not a Kubernetes object',
      filename: 'config/app.yaml',
      code: `env:\n  - name: DB_PASSWORD\n    value: Wq9-kL2m-Zx81\n`,
    },
    {
      name: 'a suppressed entry',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: DEMO_PASSWORD
              # twelve-factor-ignore-next-line config/no-literal-secret-env -- public demo account, documented in README
              value: demo-login-2024
`),
    },
    {
      name: 'a suppressed entry in a Helm template',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          env:
            {{- if .Values.demo }}
            - name: DEMO_PASSWORD
              # twelve-factor-ignore-next-line config/no-literal-secret-env -- public demo login printed on the sign-in page
              value: demo-login-2024
            {{- end }}
`,
    },
  ],
  invalid: [
    {
      name: 'a literal credential in a container env',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              value: Wq9-kL2m-Zx81
`),
      errors: [{ messageId: 'literal', line: 15, column: 15, messageIncludes: 'env `DB_PASSWORD` of container `api` in Deployment `orders`' }],
    },
    {
      name: 'init containers of a CronJob, in the second document of a file, flow style',
      filename: 'k8s/jobs.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { LOG_LEVEL: info }
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
            - name: fetch
              image: curlimages/curl:8.10.1
              env: [{ name: apiToken, value: "tok-8f2k-19dd-x01" }]
          containers:
            - name: report
              image: ghcr.io/acme/report:3.1.0
`,
      errors: [{ messageId: 'literal', line: 20, messageIncludes: 'container `fetch` in CronJob `nightly`' }],
    },
    {
      name: 'a placeholder is a notice',
      filename: 'k8s/deployment.yaml',
      code: deployment(`            - name: STRIPE_SECRET_KEY
              value: changeme
            - name: GITHUB_TOKEN
              value: <your-token>
`),
      errors: [
        { messageId: 'placeholder', line: 13, severity: 'notice' },
        { messageId: 'placeholder', line: 15, severity: 'notice' },
      ],
    },
    {
      name: 'a bare Pod and a kustomize patch of a StatefulSet',
      filename: 'overlays/prod/patch-db.yaml',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  template:
    spec:
      containers:
        - name: postgres
          env:
            - name: POSTGRES_PASSWORD
              value: "Wq9-kL2m-Zx81"
`,
      errors: [{ messageId: 'literal', line: 12 }],
    },
    {
      name: 'a Helm template: both branches of an if are read',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
  labels:
    {{- include "orders.labels" . | nindent 4 }}
spec:
  template:
    spec:
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          env:
            {{- if .Values.debug }}
            - name: ADMIN_PASSWORD
              value: debug-admin-77x
            {{- else }}
            - name: ADMIN_PASSWORD
              value: Wq9-kL2m-Zx81
            {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`,
      errors: [
        { messageId: 'literal', line: 16, messageIncludes: 'in a Deployment' },
        { messageId: 'literal', line: 19 },
      ],
    },
    {
      name: 'a JSON manifest',
      filename: 'deploy/pod.json',
      code: `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "worker" },
  "spec": {
    "containers": [
      {
        "name": "worker",
        "image": "ghcr.io/acme/worker:2.0.0",
        "env": [{ "name": "QUEUE_PASSWORD", "value": "Wq9-kL2m-Zx81" }]
      }
    ]
  }
}
`,
      errors: [{ messageId: 'literal', line: 10 }],
    },
  ],
});
