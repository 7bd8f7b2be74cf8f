import check from '../../../checks/config/no-committed-secret-manifest/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

/** base64 of a made-up password and of `changeme`, written as a Secret's `data` holds them. */
const ENCODED_PASSWORD = Buffer.from('Wq9-kL2m-Zx81').toString('base64');
/** Built from parts: written whole as a JSON assignment, secret scanning would report this file. */
const LITERAL_PASSWORD = ['Wq9', 'kL2m', 'Zx81'].join('-');
const ENCODED_PLACEHOLDER = Buffer.from('changeme').toString('base64');

testCheck(check, {
  valid: [
    {
      name: 'SealedSecret, ExternalSecret and SecretProviderClass',
      filename: 'k8s/secrets.yaml',
      code: `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: orders-db
spec:
  encryptedData:
    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: orders-api
spec:
  secretStoreRef: { name: vault, kind: ClusterSecretStore }
  target: { name: orders-api }
  data:
    - secretKey: token
      remoteRef: { key: orders/api, property: token }
---
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: orders
spec:
  provider: azure
  parameters:
    objects: |
      array:
        - objectName: db-password
`,
    },
    {
      name: 'a SOPS-encrypted Secret',
      filename: 'k8s/secret.enc.yaml',
      code: `apiVersion: v1
kind: Secret
metadata:
  name: orders-db
type: Opaque
stringData:
  password: ENC[AES256_GCM,data:Tr7x0JdA9Qk=,iv:3kqgM0eR4tFi3r1T2p+8bW7s0b1m5i3YtQ9lJ2k0r8A=,tag:a1B2c3D4e5F6g7H8i9J0kA==,type:str]
sops:
  age:
    - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
  lastmodified: "2024-11-03T10:00:00Z"
  version: 3.9.1
`,
    },
    {
      name: 'values that are all templated, empty or references',
      filename: 'chart/templates/secret.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Secret
metadata:
  name: {{ include "orders.fullname" . }}
type: Opaque
data:
  password: {{ .Values.auth.password | b64enc | quote }}
  session-key: {{ randAlphaNum 32 | b64enc }}
stringData:
  api-token: ""
  webhook-secret: \${WEBHOOK_SECRET}
`,
    },
    {
      name: 'a service-account token Secret filled in by the cluster',
      filename: 'k8s/token.yaml',
      code: `apiVersion: v1
kind: Secret
metadata:
  name: ci-token
  annotations:
    kubernetes.io/service-account.name: ci
type: kubernetes.io/service-account-token
`,
    },
    {
      name: 'literal connection parts beside templated credentials',
      filename: 'chart/templates/db-secret.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Secret
metadata:
  name: {{ .Release.Name }}-db
stringData:
  username: orders
  host: orders-db.data.svc
  port: "5432"
  DB_NAME: orders
  password: {{ required "auth.password" .Values.auth.password | quote }}
`,
    },
    {
      name: 'a secretGenerator whose files are absent from the repository',
      filename: 'overlays/prod/kustomization.yaml',
      code: `resources:
  - ../../base
secretGenerator:
  - name: orders-db
    envs:
      - secrets/db.env
    files:
      - tls.key=secrets/tls.key
`,
    },
    {
      name: 'a secretGenerator fed from a SOPS-encrypted file',
      filename: 'overlays/prod/kustomization.yaml',
      code: `secretGenerator:
  - name: orders-db
    envs:
      - db.enc.env
`,
      files: { 'overlays/prod/db.enc.env': 'DB_PASSWORD=ENC[AES256_GCM,data:Tr7x0JdA,iv:3kqg,tag:a1B2,type:str]\nsops_version=3.9.1\n' },
    },
    {
      name: 'a Secret among the chart tests',
      filename: 'chart/templates/tests/fixture-secret.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Secret
metadata:
  name: test-fixture
stringData:
  password: Wq9-kL2m-Zx81
`,
    },
    {
      name: 'a Secret that is not of the core API',
      filename: 'k8s/crd.yaml',
      code: `apiVersion: example.com/v1
kind: Secret
metadata:
  name: other
data:
  token: ${ENCODED_PASSWORD}
`,
    },
  ],
  invalid: [
    {
      name: 'a committed Secret with base64 data, in the second document',
      filename: 'k8s/app.yaml',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  LOG_LEVEL: info
---
apiVersion: v1
kind: Secret
metadata:
  name: orders-db
type: Opaque
data:
  username: b3JkZXJz
  password: ${ENCODED_PASSWORD}
`,
      errors: [{ messageId: 'secret', line: 9, column: 1, messageIncludes: 'Secret `orders-db` is committed with 1 literal value(s)' }],
    },
    {
      name: 'stringData in a Helm template, one branch literal',
      filename: 'chart/templates/secret.yaml',
      files: CHART,
      code: `{{- if .Values.auth.create }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "orders.fullname" . }}
stringData:
  {{- if .Values.auth.password }}
  password: {{ .Values.auth.password | quote }}
  {{- else }}
  password: orders-default-pw
  {{- end }}
{{- end }}
`,
      errors: [{ messageId: 'secret', line: 3, messageIncludes: 'Secret (templated name)' }],
    },
    {
      name: 'values that are all placeholders are a notice',
      filename: 'k8s/secret.yaml',
      code: `apiVersion: v1
kind: Secret
metadata:
  name: orders-api
data:
  token: ${ENCODED_PLACEHOLDER}
stringData:
  webhook-secret: TODO
`,
      errors: [{ messageId: 'placeholders', line: 2, severity: 'notice' }],
    },
    {
      name: 'a JSON Secret',
      filename: 'deploy/secret.json',
      code: `{
  "apiVersion": "v1",
  "kind": "Secret",
  "metadata": { "name": "orders" },
  "stringData": { "DB_PASSWORD": "${LITERAL_PASSWORD}" }
}
`,
      errors: [{ messageId: 'secret', line: 3, column: 3 }],
    },
    {
      name: 'a secretGenerator with literals, and one with a committed env file',
      filename: 'overlays/prod/kustomization.yaml',
      code: `resources:
  - ../../base
secretGenerator:
  - name: orders-api
    literals:
      - API_TOKEN=tok-8f2k-19dd-x01
  - name: orders-db
    envs:
      - db.env
  - name: orders-tls
    files:
      - tls.key=secrets/tls.key
`,
      files: { 'overlays/prod/db.env': 'DB_PASSWORD=Wq9-kL2m-Zx81\n' },
      errors: [
        { messageId: 'generator', line: 4, column: 5, messageIncludes: 'from literals' },
        { messageId: 'generator', line: 7, messageIncludes: 'from `overlays/prod/db.env`' },
      ],
    },
    {
      name: 'a secretGenerator of placeholder literals is a notice',
      filename: 'base/kustomization.yaml',
      code: `secretGenerator:
  - name: orders-api
    literals:
      - API_TOKEN=changeme
`,
      errors: [{ messageId: 'generatorPlaceholders', line: 2, severity: 'notice' }],
    },
  ],
});
