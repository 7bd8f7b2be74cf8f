import type { GeneratedFile } from './generate-repo.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

export interface GenerateManifestRepoOptions {
  /** How many manifest files: plain multi-document files, or Helm templates. */
  manifests: number;
  /** `plain`: Kubernetes objects as `kubectl apply` takes them; `helm`: charts of Go templates. */
  style: 'plain' | 'helm';
  seed: number;
}

/** Manifests per folder: one kustomization per folder of plain files, one chart per folder of templates. */
const PER_FOLDER = 40;
/** Roughly 1 manifest in 30 gets a violation, as in the other generators. */
const VIOLATION_RATE = 1 / 30;

const APPS = ['orders', 'billing', 'catalog', 'search', 'accounts', 'mailer', 'reports', 'gateway', 'media', 'audit'] as const;

/**
 * Generates a synthetic repository of Kubernetes configuration: each plain file holds a
 * Deployment, a Service and a ConfigMap (about 90 lines), each Helm template a Deployment in
 * the style of `helm create` (includes with nindent, if/else, range, toYaml), plus the
 * kustomizations and charts around them, with a few violations. Deterministic: manifest N
 * depends only on the seed and N.
 */
export function generateManifestRepo(options: GenerateManifestRepoOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let index = 0; index < options.manifests; index++) {
    const rng = seededRandom(options.seed ^ 0x6b_8e5a11, index);
    const names = { app: `${rng.pick(APPS)}-${index}`, folder: `group-${Math.floor(index / PER_FOLDER)}` };
    files.push(options.style === 'plain' ? plainManifest(rng, names) : helmTemplate(rng, names));
  }
  const folders = Math.ceil(options.manifests / PER_FOLDER);
  for (let folder = 0; folder < folders; folder++) files.push(...(options.style === 'plain' ? kustomization(folder) : chart(folder)));
  return files;
}

interface Names {
  app: string;
  folder: string;
}

function plainManifest(rng: SeededRandom, { app, folder }: Names): GeneratedFile {
  const violation = rng.chance(VIOLATION_RATE) ? rng.pick(['latest', 'secret', 'hostPath', 'sticky', 'grace'] as const) : undefined;
  const image = violation === 'latest' ? `ghcr.io/acme/${app}:latest` : `ghcr.io/acme/${app}:1.${rng.int(0, 40)}.${rng.int(0, 9)}`;
  const secretEnv =
    violation === 'secret'
      ? `            - name: SESSION_SECRET\n              value: keyboard-cat-${rng.int(1, 99)}\n`
      : `            - name: SESSION_SECRET\n              valueFrom:\n                secretKeyRef:\n                  name: ${app}\n                  key: session-secret\n`;
  const dataVolume =
    violation === 'hostPath' ? `        - name: data\n          hostPath:\n            path: /srv/${app}\n` : `        - name: data\n          emptyDir: {}\n`;
  const content = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: acme
spec:
  replicas: ${rng.int(2, 8)}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
    spec:
      terminationGracePeriodSeconds: ${violation === 'grace' ? 0 : 45}
      containers:
        - name: ${app}
          image: ${image}
          command: ["node", "dist/server.js"]
          ports:
            - containerPort: 8080
          env:
            - name: PORT
              value: "8080"
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${app}
                  key: database-url
${secretEnv}            - name: DB_PASSWORD_FILE
              value: /run/secrets/db-password
          envFrom:
            - configMapRef:
                name: ${app}
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "${rng.int(3, 15)}"]
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
          resources:
            requests:
              cpu: ${rng.int(1, 8) * 50}m
              memory: ${rng.int(1, 8) * 64}Mi
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
${dataVolume}---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  sessionAffinity: ${violation === 'sticky' ? 'ClientIP' : 'None'}
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}
data:
  LOG_LEVEL: ${rng.pick(['info', 'warn', 'debug'])}
  OAUTH_TOKEN_URL: https://auth.acme.example/oauth/token
  API_KEY_HEADER: X-Api-Key
  FEATURE_FLAGS: "${rng.pick(['search', 'exports', 'beta'])},${rng.pick(['audit', 'webhooks'])}"
`;
  return { path: `k8s/${folder}/${app}.yaml`, content };
}

function helmTemplate(rng: SeededRandom, { app, folder }: Names): GeneratedFile {
  const violation = rng.chance(VIOLATION_RATE) ? rng.pick(['latest', 'secret', 'grace'] as const) : undefined;
  const sidecarImage = violation === 'latest' ? 'prom/statsd-exporter:latest' : '"{{ .Values.metrics.image.repository }}:{{ .Values.metrics.image.tag }}"';
  const content = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}-${app}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
    app.kubernetes.io/component: ${app}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "chart.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      labels:
        {{- include "chart.selectorLabels" . | nindent 8 }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      terminationGracePeriodSeconds: ${violation === 'grace' ? 0 : '{{ .Values.terminationGracePeriodSeconds }}'}
      containers:
        - name: ${app}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command: ["node", "dist/${app}.js"]
          ports:
            - name: http
              containerPort: {{ .Values.service.targetPort }}
          env:
            - name: PORT
              value: {{ .Values.service.targetPort | quote }}
            {{- if .Values.database.existingSecret }}
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.database.existingSecret }}
                  key: database-url
            {{- else }}
            - name: DATABASE_URL
              value: {{ .Values.database.url | quote }}
            {{- end }}
            - name: API_TOKEN
              value: ${violation === 'secret' ? `tok-${app}-${rng.int(100, 999)}` : '{{ .Values.apiToken | quote }}'}
            {{- range $name, $value := .Values.extraEnv }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
        {{- if .Values.metrics.enabled }}
        - name: statsd-exporter
          image: ${sidecarImage}
          args: ["--statsd.listen-udp=:9125", "--web.listen-address=:{{ .Values.metrics.port }}"]
        {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
`;
  return { path: `charts/${folder}/templates/${app}.yaml`, content };
}

/** A kustomization per folder of plain files, with a generator and an image pin. */
function kustomization(folder: number): GeneratedFile[] {
  return [
    {
      path: `k8s/group-${folder}/kustomization.yaml`,
      content: `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: group-${folder}\nlabels:\n  - pairs:\n      app.kubernetes.io/managed-by: kustomize\nimages:\n  - name: ghcr.io/acme/group-${folder}\n    newTag: 1.${folder}.0\nconfigMapGenerator:\n  - name: group-${folder}\n    literals:\n      - REGION=eu-west-1\n      - LOG_FORMAT=json\n`,
    },
  ];
}

/** A chart per folder of templates: Chart.yaml, values.yaml and the helpers the templates include. */
function chart(folder: number): GeneratedFile[] {
  const root = `charts/group-${folder}`;
  return [
    { path: `${root}/Chart.yaml`, content: `apiVersion: v2\nname: group-${folder}\nversion: 0.${folder}.0\nappVersion: "1.${folder}.0"\n` },
    {
      path: `${root}/values.yaml`,
      content: `replicaCount: 2\nimage:\n  repository: ghcr.io/acme/group-${folder}\n  tag: ""\n  pullPolicy: IfNotPresent\nservice:\n  targetPort: 8080\ndatabase:\n  existingSecret: group-${folder}-db\nmetrics:\n  enabled: false\n  port: 9102\n  image:\n    repository: prom/statsd-exporter\n    tag: v0.27.1\nautoscaling:\n  enabled: false\nterminationGracePeriodSeconds: 45\nresources: {}\nextraEnv: {}\n`,
    },
    {
      path: `${root}/templates/_helpers.tpl`,
      content: `{{- define "chart.fullname" -}}\n{{- .Release.Name | trunc 63 | trimSuffix "-" }}\n{{- end }}\n\n{{- define "chart.selectorLabels" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end }}\n\n{{- define "chart.labels" -}}\n{{ include "chart.selectorLabels" . }}\napp.kubernetes.io/version: {{ .Chart.AppVersion | quote }}\n{{- end }}\n`,
    },
  ];
}
