import check from '../../../checks/disposability/no-zero-grace-period/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

/** A workload of `kind` whose pod spec starts with `podSpec` and has one container with `lifecycle`. */
function workload(kind: string, podSpec: string, lifecycle = ''): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: orders
spec:
  minReadySeconds: 0
  strategy:
    rollingUpdate: { maxUnavailable: 0 }
  template:
    spec:
${podSpec}      containers:
        - name: api
          image: ghcr.io/acme/orders:1.4.2
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
            initialDelaySeconds: 0
${lifecycle}`;
}

const PRESTOP_SLEEP_15 = `          lifecycle:
            preStop:
              exec:
                command: ["/bin/sh", "-c", "sleep 15"]
`;

testCheck(check, {
  valid: [
    { name: 'the field absent, other fields 0', filename: 'k8s/deployment.yaml', code: workload('Deployment', '') },
    {
      name: 'a grace period above the longest preStop sleep',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', '      terminationGracePeriodSeconds: 45\n', PRESTOP_SLEEP_15),
    },
    {
      name: 'one-off workloads may stop at once',
      filename: 'k8s/jobs.yaml',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: import
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 0
      restartPolicy: Never
      containers:
        - name: import
          image: ghcr.io/acme/import:1.0.0
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          terminationGracePeriodSeconds: 0
          containers:
            - name: report
              image: ghcr.io/acme/report:3.1.0
---
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: OnFailure
  terminationGracePeriodSeconds: 0
  containers:
    - name: once
      image: busybox:1.36
`,
    },
    {
      name: 'a Helm hook Deployment runs once per release',
      filename: 'k8s/hook.yaml',
      code: workload('Deployment', '      terminationGracePeriodSeconds: 0\n').replace('  name: orders\n', '  name: orders\n  annotations:\n    helm.sh/hook: pre-upgrade\n'),
    },
    {
      name: 'a templated grace period',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "{{ .Values.preStopSleep }}"]
`,
    },
    {
      name: 'a preStop sleep in an init container does not count',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', `      terminationGracePeriodSeconds: 10
      initContainers:
        - name: warm
          image: busybox:1.36
          lifecycle:
            preStop:
              sleep: { seconds: 30 }
`),
    },
  ],
  invalid: [
    {
      name: 'a zero grace period',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', '      terminationGracePeriodSeconds: 0\n'),
      errors: [{ messageId: 'zero', line: 11, column: 7, messageIncludes: 'Deployment `orders` sets `terminationGracePeriodSeconds: 0`' }],
    },
    {
      name: 'a grace period no longer than a sh -c preStop sleep',
      filename: 'k8s/deployment.yaml',
      code: workload('StatefulSet', '      terminationGracePeriodSeconds: 15\n', PRESTOP_SLEEP_15),
      errors: [{ messageId: 'preStop', line: 11, messageIncludes: 'gives 15 s to shut down but its preStop hook sleeps 15 s' }],
    },
    {
      name: 'the sleep action and an exec sleep, in the second document',
      filename: 'k8s/app.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
---
${workload(
  'Deployment',
  '      terminationGracePeriodSeconds: 20\n',
  `          lifecycle:
            preStop:
              sleep:
                seconds: 25
        - name: proxy
          image: envoyproxy/envoy:v1.31.2
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "5"]
`,
)}`,
      errors: [{ messageId: 'preStop', line: 16, messageIncludes: 'sleeps 25 s' }],
    },
    {
      name: 'a Pod restarted always, and a Helm template with a literal value in one branch',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-standalone
spec:
  {{- if .Values.fastShutdown }}
  terminationGracePeriodSeconds: 0
  {{- else }}
  terminationGracePeriodSeconds: {{ .Values.grace }}
  {{- end }}
  containers:
    - name: api
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
      errors: [{ messageId: 'zero', line: 7, messageIncludes: 'a Pod sets' }],
    },
  ],
});
