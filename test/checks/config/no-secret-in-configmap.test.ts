import check from '../../../checks/config/no-secret-in-configmap/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

testCheck(check, {
  valid: [
    {
      name: 'credential-looking names that are not credential-like',
      filename: 'k8s/configmap.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  OAUTH_TOKEN_URL: https://auth.internal/oauth/token
  PASSWORD_RESET_TTL: "3600"
  API_KEY_HEADER: X-Api-Key
  JWT_PUBLIC_KEY: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
  DB_PASSWORD_FILE: /run/secrets/db-password
`,
    },
    {
      name: 'empty, reference, boolean and path values',
      filename: 'k8s/configmap.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  DB_PASSWORD: ""
  API_TOKEN: \${API_TOKEN}
  REQUIRE_CLIENT_SECRET: "false"
  SIGNING_KEY: /etc/orders/signing.pem
`,
    },
    {
      name: 'binaryData, and the contents of an embedded file',
      filename: 'k8s/configmap.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  application.yaml: |
    datasource:
      password: \${DB_PASSWORD}
      token: abc-literal-inside-a-file
binaryData:
  API_TOKEN: AAECAwQFBgcICQ==
`,
    },
    {
      name: 'a Helm template with templated values, a range, and both branches literal-free',
      filename: 'chart/templates/configmap.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "orders.fullname" . }}
data:
  {{- if .Values.auth.enabled }}
  AUTH_TOKEN: {{ .Values.auth.token | quote }}
  {{- else }}
  AUTH_TOKEN: ""
  {{- end }}
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
  {{- with .Values.extraConfig }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
`,
    },
    {
      name: 'a Secret is not a ConfigMap',
      filename: 'k8s/secret.yaml',
      code: `apiVersion: v1
kind: Secret
metadata:
  name: orders
stringData:
  DB_PASSWORD: Wq9-kL2m-Zx81
`,
    },
    {
      name: 'a configMapGenerator literal that is not a credential, and envs files',
      filename: 'overlays/prod/kustomization.yaml',
      code: `resources:
  - ../../base
configMapGenerator:
  - name: orders
    literals:
      - LOG_LEVEL=info
      - API_TOKEN_HEADER=X-Token
      - DB_PASSWORD=
    envs:
      - orders.env
`,
      files: { 'overlays/prod/orders.env': 'LOG_LEVEL=info\n' },
    },
  ],
  invalid: [
    {
      name: 'credential-like data keys with literal values',
      filename: 'k8s/configmap.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  LOG_LEVEL: info
  SESSION_SECRET: keyboard-cat-42
  redis.password: Wq9-kL2m-Zx81
`,
      errors: [
        { messageId: 'clear', line: 7, column: 3, messageIncludes: 'ConfigMap `orders` holds the credential `SESSION_SECRET`' },
        { messageId: 'clear', line: 8 },
      ],
    },
    {
      name: 'a placeholder is a notice; the second document of a file is read',
      filename: 'k8s/app.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  STRIPE_API_KEY: REPLACE_ME
`,
      errors: [{ messageId: 'placeholder', line: 13, severity: 'notice' }],
    },
    {
      name: 'a Helm template: the literal branch of an if',
      filename: 'chart/templates/configmap.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "orders.fullname" . }}
  labels:
    {{- include "orders.labels" . | nindent 4 }}
data:
  {{- if .Values.demo }}
  ADMIN_PASSWORD: demo-admin-2024
  {{- else }}
  ADMIN_PASSWORD: {{ .Values.adminPassword | quote }}
  {{- end }}
`,
      errors: [{ messageId: 'clear', line: 9, messageIncludes: 'a ConfigMap holds' }],
    },
    {
      name: 'a kustomize configMapGenerator literal',
      filename: 'overlays/prod/kustomization.yaml',
      code: `resources:
  - ../../base
configMapGenerator:
  - name: orders
    literals:
      - LOG_LEVEL=info
      - STRIPE_API_KEY=rk-orders-prod-1
      - GITHUB_TOKEN=changeme
`,
      errors: [
        { messageId: 'clear', line: 7, column: 9, messageIncludes: 'configMapGenerator `orders`' },
        { messageId: 'placeholder', line: 8, severity: 'notice' },
      ],
    },
  ],
});
