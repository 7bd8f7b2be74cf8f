import check from '../../../checks/build-release-run/pin-deploy-image/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

/** A Deployment whose containers are `containers` (indented as items of `containers:`). */
function deployment(containers: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
${containers}`;
}

testCheck(check, {
  valid: [
    {
      name: 'explicit tags and digests',
      filename: 'k8s/deployment.yaml',
      code: deployment(`        - name: api
          image: ghcr.io/acme/orders:2.7.1
        - name: jobs
          image: ghcr.io/acme/jobs:2024.11.3
        - name: proxy
          image: registry.internal:5000/acme/proxy:sha-3f9c2ab
        - name: pinned
          image: redis@sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c
        - name: pinned-latest
          image: nginx:latest@sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c
`),
    },
    {
      name: 'substitutions rendered at deploy time, and ko references',
      filename: 'k8s/deployment.yaml',
      code: deployment(`        - name: api
          image: ghcr.io/acme/orders:\${IMAGE_TAG}
        - name: worker
          image: ko://github.com/acme/orders/cmd/worker
`),
    },
    {
      name: 'latest anywhere but an image tag',
      filename: 'k8s/deployment.yaml',
      code: deployment(`        - name: latest-rates
          image: ghcr.io/acme/rates:1.0.0
          env:
            - name: RELEASE_CHANNEL
              value: latest
`),
    },
    {
      name: 'an untagged base image pinned by a kustomize overlay',
      filename: 'base/deployment.yaml',
      code: deployment(`        - name: api
          image: ghcr.io/acme/orders
        - name: worker
          image: ghcr.io/acme/worker
`),
      files: {
        'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/orders\n    newTag: 2.7.1\n  - name: ghcr.io/acme/worker\n    newName: registry.internal/acme/worker\n    digest: sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c\n',
      },
    },
    {
      name: 'an untagged image that Skaffold builds and tags',
      filename: 'k8s/deployment.yaml',
      code: deployment(`        - name: api
          image: orders-api
`),
      files: { 'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: orders-api\n      docker:\n        dockerfile: Dockerfile\n' },
    },
    {
      name: 'a templated image in a Helm template, whose values defer the tag to appVersion',
      filename: 'chart/templates/deployment.yaml',
      files: { ...CHART, 'chart/values.yaml': 'image:\n  repository: ghcr.io/acme/orders\n  tag: ""\n' },
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          {{- with .Values.sidecar }}
          {{- toYaml . | nindent 8 }}
          {{- end }}
`,
    },
    {
      name: 'a values file whose tags are versions or empty',
      filename: 'chart/values.yaml',
      files: CHART,
      code: `image:
  repository: ghcr.io/acme/orders
  tag: ""
redis:
  image:
    repository: bitnami/redis
    tag: 7.4.1
migrations:
  image: ghcr.io/acme/migrate:1.4.2
releaseChannel: latest
`,
    },
    {
      name: 'a values-shaped file outside any chart',
      filename: 'config/values.yaml',
      code: `image:\n  repository: ghcr.io/acme/orders\n  tag: latest\n`,
    },
    {
      name: 'images of chart tests and of kinds that are not workloads',
      filename: 'chart/templates/tests/test-connection.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Pod
metadata:
  name: test-connection
  annotations:
    "helm.sh/hook": test
spec:
  containers:
    - name: wget
      image: busybox:latest
`,
    },
    {
      name: 'a Tekton Task step',
      filename: 'ci/task.yaml',
      code: `apiVersion: tekton.dev/v1
kind: Task
metadata:
  name: build
spec:
  steps:
    - name: build
      image: gcr.io/kaniko-project/executor:latest
`,
    },
    {
      name: 'kustomize images pinned to versions or digests',
      filename: 'overlays/prod/kustomization.yaml',
      code: `resources:
  - ../../base
images:
  - name: ghcr.io/acme/orders
    newTag: 2.7.1
  - name: ghcr.io/acme/worker
    newTag: latest
    digest: sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c
  - name: postgres
    newName: registry.internal/postgres
`,
    },
    {
      name: 'a suppressed kustomize entry',
      filename: 'overlays/dev/kustomization.yaml',
      code: `images:
  - name: ghcr.io/acme/orders
    # twelve-factor-ignore-next-line build-release-run/pin-deploy-image -- dev overlay follows the nightly build on purpose
    newTag: latest
`,
    },
  ],
  invalid: [
    {
      name: 'an untagged image, and a registry port that is not a tag',
      filename: 'k8s/deployment.yaml',
      code: deployment(`        - name: api
          image: ghcr.io/acme/orders
        - name: proxy
          image: registry.internal:5000/acme/proxy
`),
      errors: [
        { messageId: 'untagged', line: 10, column: 11, messageIncludes: 'container `api` of Deployment `orders` runs `ghcr.io/acme/orders` with no tag' },
        { messageId: 'untagged', line: 12 },
      ],
    },
    {
      name: 'latest in an init container of a CronJob, in the second document',
      filename: 'k8s/jobs.yaml',
      code: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reporter
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
          initContainers:
            - name: fetch
              image: "curlimages/curl:latest"
          containers:
            - name: report
              image: ghcr.io/acme/report:3.1.0
`,
      errors: [{ messageId: 'latest', line: 17 }],
    },
    {
      name: 'an untagged image that an overlay sets to latest is still unpinned',
      filename: 'base/deployment.yaml',
      code: deployment(`        - name: api
          image: ghcr.io/acme/orders
`),
      files: { 'overlays/dev/kustomization.yaml': 'images:\n  - name: ghcr.io/acme/orders\n    newTag: latest\n' },
      errors: [{ messageId: 'untagged', line: 10 }],
    },
    {
      name: 'a literal image in one branch of a Helm if',
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
        {{- if .Values.metrics.enabled }}
        - name: metrics
          image: prom/statsd-exporter:latest
        {{- end }}
        {{- range .Values.extraContainers }}
        - name: {{ .name }}
          image: {{ .image }}
        {{- end }}
`,
      errors: [{ messageId: 'latest', line: 13, messageIncludes: 'container `metrics` of a Deployment' }],
    },
    {
      name: 'a kustomize images entry with newTag latest',
      filename: 'overlays/dev/kustomization.yaml',
      code: `resources:
  - ../../base
images:
  - name: ghcr.io/acme/orders
    newTag: latest
`,
      errors: [{ messageId: 'kustomizeLatest', line: 5, column: 5 }],
    },
    {
      name: 'a chart values file: an image block and an image string with latest',
      filename: 'chart/values.yaml',
      files: CHART,
      code: `image:
  repository: ghcr.io/acme/orders
  tag: latest
  pullPolicy: IfNotPresent
migrations:
  image: ghcr.io/acme/migrate:latest
`,
      errors: [
        { messageId: 'valuesLatest', line: 3, messageIncludes: '`ghcr.io/acme/orders:latest`' },
        { messageId: 'valuesLatest', line: 6 },
      ],
    },
    {
      name: 'a chart CI values file',
      filename: 'chart/ci/dev-values.yaml',
      files: CHART,
      code: `image:\n  repository: ghcr.io/acme/orders\n  tag: latest\n`,
      errors: [{ messageId: 'valuesLatest', line: 3 }],
    },
  ],
});
