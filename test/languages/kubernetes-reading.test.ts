import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/engine/file-kind.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { chartDirectoryOf } from '../../src/languages/kubernetes/file-kinds.ts';
import { isCredentialLikeName, isConnectionPartName } from '../../src/languages/kubernetes/credential-name.ts';
import { classifyText, isPlaceholder } from '../../src/languages/kubernetes/literal-value.ts';
import { maskHelmTemplate } from '../../src/languages/kubernetes/mask-helm-template.ts';
import { parseManifest } from '../../src/languages/kubernetes/parse-manifest.ts';
import { fileOffsetOf, workloadContainers, type CommandWord } from '../../src/languages/kubernetes/workload-containers.ts';
import { mapsAt, valuesNamed } from '../../src/languages/kubernetes/yaml-nodes.ts';
import noLiteralSecretEnv from '../../checks/config/no-literal-secret-env/index.ts';

const wordValues = (words: readonly CommandWord[] | undefined) => words?.map((word) => word.value);

describe('Kubernetes file kinds', () => {
  it('knows kustomize files, Helm templates and values files by path; other YAML stays yaml', () => {
    expect(
      ['kustomization.yaml', 'overlays/prod/kustomization.yml', 'base/Kustomization', 'chart/templates/deployment.yaml', 'charts/web/templates/sub/job.yml', 'chart/values.yaml', 'chart/values-production.yaml', 'chart/values.ci.yaml', 'chart/ci/lint-values.yaml', 'k8s/deployment.yaml', 'docker-compose.yml', 'chart/templates/_helpers.tpl', 'chart/templates/NOTES.txt'].map(
        (filePath) => [filePath, fileKindOf(filePath)],
      ),
    ).toEqual([
      ['kustomization.yaml', 'kustomization'],
      ['overlays/prod/kustomization.yml', 'kustomization'],
      ['base/Kustomization', 'kustomization'],
      ['chart/templates/deployment.yaml', 'helm-template'],
      ['charts/web/templates/sub/job.yml', 'helm-template'],
      ['chart/values.yaml', 'helm-values'],
      ['chart/values-production.yaml', 'helm-values'],
      ['chart/values.ci.yaml', 'helm-values'],
      ['chart/ci/lint-values.yaml', 'helm-values'],
      ['k8s/deployment.yaml', 'yaml'],
      ['docker-compose.yml', 'compose'],
      ['chart/templates/_helpers.tpl', 'text'],
      ['chart/templates/NOTES.txt', 'text'],
    ]);
  });

  it('finds the chart of a template or values file from its Chart.yaml, and no chart without one', () => {
    const repo = new MemoryRepository({ 'deploy/chart/Chart.yaml': '', 'deploy/chart/charts/redis/Chart.yaml': '', 'Chart.yaml': '' });
    expect(chartDirectoryOf(repo, 'deploy/chart/templates/deployment.yaml', 'helm-template')).toBe('deploy/chart');
    expect(chartDirectoryOf(repo, 'deploy/chart/charts/redis/templates/sts.yaml', 'helm-template')).toBe('deploy/chart/charts/redis');
    expect(chartDirectoryOf(repo, 'templates/deployment.yaml', 'helm-template')).toBe('');
    expect(chartDirectoryOf(repo, 'deploy/chart/ci/test-values.yaml', 'helm-values')).toBe('deploy/chart');
    expect(chartDirectoryOf(repo, 'openshift/templates/app.yaml', 'helm-template')).toBeUndefined();
    expect(chartDirectoryOf(repo, 'config/values.yaml', 'helm-values')).toBeUndefined();
  });
});

describe('maskHelmTemplate', () => {
  it('empties action-only lines and replaces other actions by same-length placeholders, keeping every other offset', () => {
    const lines = [
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  labels:',
      '    {{- include "app.labels" . | nindent 4 }}',
      '{{/* a comment',
      '   on two lines */}}',
      '  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '{{- if .Values.x }}{{ end }}',
    ];
    const template = lines.join('\n');
    const masked = maskHelmTemplate(template);
    const spaces = (...indexes: number[]) => ' '.repeat(indexes.reduce((sum, index) => sum + lines[index]!.length, 0));
    // An emptied line's length moves to the end of the line above with content.
    expect(masked.text.split('\n')).toEqual([
      'metadata:',
      `  name: ${'_'.repeat('{{ include "app.fullname" . }}'.length)}`,
      `  labels:${spaces(3, 4, 5)}`,
      '',
      '',
      '',
      `  image: "${'_'.repeat('{{ .Values.image.repository }}'.length)}:${'_'.repeat('{{ .Values.image.tag }}'.length)}"${spaces(7)}`,
      '',
    ]);
    expect(masked.text.length).toBe(template.length);
    const inAction = (index: number) => masked.actions.some(([start, end]) => index >= start && index < end);
    const moved = [...template].flatMap((character, index) => (/\s/.test(character) || inAction(index) || masked.text[index] === character ? [] : [index]));
    expect(moved).toEqual([]);
    expect(masked.actions).toHaveLength(7);
    expect(masked.blanked).toHaveLength(4);
  });

  it('blanks an nindent that ends a line after a key, so the key holds the block below', () => {
    const template = 'metadata:\n  labels: {{- include "app.labels" . | nindent 4 }}\n    tier: web\n';
    const masked = maskHelmTemplate(template);
    expect(masked.text).toBe(`metadata:\n  labels:${' '.repeat('{{- include "app.labels" . | nindent 4 }}'.length + 1)}\n    tier: web\n`);
    expect(masked.blanked).toEqual([[20, 20 + '{{- include "app.labels" . | nindent 4 }}'.length]]);
  });

  it('ends an action at the first `}}` outside strings and comments, keeping CRLF line breaks', () => {
    const masked = maskHelmTemplate('a: {{ printf "}}" .x }}\r\nb: 1\r\n');
    expect(masked.text).toBe(`a: ${'_'.repeat('{{ printf "}}" .x }}'.length)}\r\nb: 1\r\n`);
  });
});

describe('parseManifest', () => {
  it('reads each document on its own, List items included; other documents and files are not objects', () => {
    const manifest = parseManifest(
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: { name: one }',
        '  - apiVersion: v1',
        '    kind: Service',
        '    metadata: { name: two }',
        '---',
        'just: data',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: three',
        '---',
        'name: my-chart',
        'version: 1.0.0',
        'apiVersion: v2',
      ].join('\n'),
    );
    expect(manifest.broken).toEqual([]);
    expect(manifest.objects.map((object) => `${object.kind}/${object.name}`)).toEqual(['ConfigMap/one', 'Service/two', 'Deployment/three']);
    expect(manifest.lineOf(manifest.objects[2]!.kindPair.key!.range![0])).toBe(14);
  });

  it('reads JSON objects', () => {
    const manifest = parseManifest('{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "data": {}}');
    expect(manifest.objects.map((object) => object.kind)).toEqual(['Secret']);
  });

  it('names a broken document and still reads the others', () => {
    const manifest = parseManifest('apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Service\nspec: [unclosed\n');
    expect(manifest.objects.map((object) => object.kind)).toEqual(['ConfigMap']);
    expect(manifest.broken).toHaveLength(1);
    expect(manifest.broken[0]!.line).toBeGreaterThanOrEqual(6);
  });

  it('reads both branches of a Helm if/else and marks templated scalars', () => {
    const manifest = parseManifest(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: {{ .Release.Name }}-config',
        'data:',
        '  {{- if .Values.tls }}',
        '  SCHEME: https',
        '  {{- else }}',
        '  SCHEME: http',
        '  {{- end }}',
        '  HOST: {{ .Values.host | quote }}',
      ].join('\n'),
      { helmTemplate: true },
    );
    const [object] = manifest.objects;
    expect(object!.name).toBeUndefined();
    const [data] = mapsAt(object!.node, ['data']);
    expect(valuesNamed(data, 'SCHEME').map((value) => [String((value as { value: unknown }).value), manifest.isTemplated(value)])).toEqual([
      ['https', false],
      ['http', false],
    ]);
    expect(manifest.isTemplated(valuesNamed(data, 'HOST')[0])).toBe(true);
  });

  it('reads a chart written in the library-chart style: nindent after keys, actions opening a block scalar, branches at other depths', () => {
    const text = [
      '{{- /*',
      'Copyright notice.',
      '*/}}',
      '',
      '{{- if gt (int64 .Values.master.count) 0 -}}',
      'apiVersion: {{ include "common.capabilities.statefulset.apiVersion" . }}',
      'kind: StatefulSet',
      'metadata:',
      '  name: {{ printf "%s-master" (include "common.names.fullname" .) }}',
      '  labels: {{- include "common.labels.standard" ( dict "customLabels" .Values.commonLabels "context" $ ) | nindent 4 }}',
      '    app.kubernetes.io/component: master',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: {{- include "common.labels.standard" ( dict "customLabels" $podLabels "context" $ ) | nindent 8 }}',
      '        app.kubernetes.io/component: master',
      '    spec:',
      '      containers:',
      '        - name: redis',
      '          image: {{ template "redis.image" . }}',
      '          {{- if .Values.diagnosticMode.enabled }}',
      '          command: {{- include "common.tplvalues.render" (dict "value" .Values.diagnosticMode.command "context" $) | nindent 12 }}',
      '          {{- else }}',
      '          command:',
      '            - /bin/bash',
      '          {{- end }}',
      '          args:',
      '            - -ec',
      '            - |',
      '              {{- if .Values.auth.usePasswordFiles }}',
      '              export REDIS_PASSWORD="$(< $REDIS_PASSWORD_FILE)"',
      '              {{- end }}',
      '              exec redis-server --port {{ .Values.port }}',
      '      volumes:',
      '        - name: config',
      '          configMap:',
      '            name: {{ include "redis.configmapName" . }}',
      '  {{- if not .Values.persistence.enabled }}',
      '        - name: redis-data',
      '          emptyDir: {}',
      '  {{- else }}',
      '  volumeClaimTemplates:',
      '    - metadata:',
      '        name: redis-data',
      '  {{- end }}',
      '{{- end }}',
    ].join('\n');
    const manifest = parseManifest(text, { helmTemplate: true });
    expect(manifest.broken).toEqual([]);
    expect(manifest.objects.map((object) => object.kind)).toEqual(['StatefulSet']);
    const [podLabels] = mapsAt(manifest.objects[0]!.node, ['spec', 'template', 'metadata', 'labels']);
    expect(podLabels!.items.map((pair) => String((pair.key as { value: unknown }).value))).toEqual(['app.kubernetes.io/component']);
    const containers = workloadContainers(manifest);
    expect(containers.map((container) => [container.command!.templated, wordValues(container.command!.words)])).toEqual([
      [true, []],
      [false, ['/bin/bash']],
    ]);
    const script = containers[0]!.args!.words[1]!;
    expect(script.templated).toBe(true);
    expect(script.value).toBe('\nexport REDIS_PASSWORD="$(< $REDIS_PASSWORD_FILE)"\n\nexec redis-server --port {{ .Values.port }}\n');
  });

  it('leaves chart tests out of the objects', () => {
    const manifest = parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    "helm.sh/hook": test\nspec:\n  containers: []\n', { helmTemplate: true });
    expect(manifest.objects).toEqual([]);
  });
});

describe('names and values', () => {
  it('judges credential-like names on their words', () => {
    const credentials = ['DB_PASSWORD', 'DBPASSWORD', 'apiToken', 'STRIPE_SECRET_KEY', 'clientSecret', 'APIKey', 'redis.password', 'DB_PWD', 'GITHUB_CREDENTIALS', 'SESSION_KEY'];
    const others = ['AWS_ACCESS_KEY_ID', 'SECRET_NAME', 'TOKEN_TTL_SECONDS', 'AUTH_TOKEN_URL', 'PASSWORD_MIN_LENGTH', 'CACHE_KEY_PREFIX', 'CACHE_KEY', 'JWT_PUBLIC_KEY', 'RECAPTCHA_SITE_KEY', 'DB_PASSWORD_FILE', 'API_TOKEN_HEADER', 'PWD', 'KEY'];
    expect(credentials.filter((name) => !isCredentialLikeName(name))).toEqual([]);
    expect(others.filter(isCredentialLikeName)).toEqual([]);
    expect(['username', 'DB_USER', 'REDIS_HOST', 'dbPort', 'POSTGRES_DATABASE', 'DB_NAME'].every(isConnectionPartName)).toBe(true);
    expect(['password', 'name', 'API_KEY'].some(isConnectionPartName)).toBe(false);
  });

  it('tells literals from references, booleans, paths and ciphertext', () => {
    expect(
      ['s3cret', 'postgres://app:$(DB_PASSWORD)@db/app', '${API_TOKEN}', 'true', 'Off', '/var/secrets/key.json', './key', 'ENC[AES256_GCM,data:abc,type:str]', ''].map((text) => classifyText(text).kind),
    ).toEqual(['literal', 'reference', 'reference', 'boolean', 'boolean', 'path', 'path', 'encrypted', 'empty']);
    expect(['changeme', 'REPLACE_ME', 'TODO', '<your-token>', 'xxxx', '****', 'dummy'].every(isPlaceholder)).toBe(true);
    expect(['hunter2', 'my-api-token'].some(isPlaceholder)).toBe(false);
  });
});

describe('workloadContainers', () => {
  it('lists the containers of every workload of a multi-document file, with their command and args', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers:',
      '        - name: migrate',
      '          image: ghcr.io/acme/api:1.4.2',
      '          command: ["npx", "prisma", "migrate", "deploy"]',
      '        - name: proxy',
      '          image: cloud-sql-proxy:2',
      '          restartPolicy: Always',
      '      containers:',
      '        - name: api',
      '          image: ghcr.io/acme/api:1.4.2',
      '          command:',
      '            - node',
      "            - 'dist/server.js'",
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: report',
      '  annotations:',
      '    argocd.argoproj.io/hook: PreSync',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          restartPolicy: Never',
      '          containers:',
      '            - name: report',
      '              image: ghcr.io/acme/report@sha256:0f1e',
      '              args: [--once]',
    ].join('\n');
    const containers = workloadContainers(parseManifest(text));
    expect(
      containers.map((container) => [container.workloadKind, container.workloadName, container.hook, container.longRunning, container.init, container.sidecar, container.containerName, container.image?.value]),
    ).toEqual([
      ['Deployment', 'web', undefined, true, true, false, 'migrate', 'ghcr.io/acme/api:1.4.2'],
      ['Deployment', 'web', undefined, true, false, true, 'proxy', 'cloud-sql-proxy:2'],
      ['Deployment', 'web', undefined, true, false, false, 'api', 'ghcr.io/acme/api:1.4.2'],
      ['CronJob', 'report', 'PreSync', false, false, false, 'report', 'ghcr.io/acme/report@sha256:0f1e'],
    ]);
    const api = containers[2]!;
    expect(api.command!.line).toBe(18);
    expect(api.command!.words.map((word) => [word.value, text.slice(word.start, word.end), word.quoted, word.templated])).toEqual([
      ['node', 'node', false, false],
      ['dist/server.js', "'dist/server.js'", true, false],
    ]);
    expect(wordValues(containers[0]!.command!.words)).toEqual(['npx', 'prisma', 'migrate', 'deploy']);
    expect(containers[3]!.command).toBeUndefined();
    expect(containers[3]!.args!.line).toBe(37);
    expect(wordValues(containers[3]!.args!.words)).toEqual(['--once']);
  });

  it('marks templated words with their written text, and lists each branch of a Helm if/else', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: {{ .Chart.Name }}',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
      '          {{- if .Values.debug }}',
      '          command: ["node", "--inspect", "dist/server.js"]',
      '          {{- else }}',
      '          command: ["node", "dist/server.js"]',
      '          {{- end }}',
      '          args:',
      '            - --port={{ .Values.port }}',
      '            - --log-level',
      '            - info',
    ].join('\n');
    const containers = workloadContainers(parseManifest(text, { helmTemplate: true }));
    expect(containers.map((container) => [container.workloadName, container.containerName, wordValues(container.command!.words)])).toEqual([
      [undefined, undefined, ['node', '--inspect', 'dist/server.js']],
      [undefined, undefined, ['node', 'dist/server.js']],
    ]);
    expect(containers[0]!.image).toEqual({ value: '{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}', templated: true });
    expect(containers[0]!.args!.words.map((word) => [word.value, word.templated])).toEqual([
      ['--port={{ .Values.port }}', true],
      ['--log-level', false],
      ['info', false],
    ]);
    expect(containers[1]!.command!.line).toBe(14);
  });

  it('reports a command list the template writes as templated, with no words', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: one-off',
      'spec:',
      '  restartPolicy: OnFailure',
      '  containers:',
      '    - name: task',
      '      image: busybox:1.36',
      '      command:',
      '        {{- toYaml .Values.command | nindent 8 }}',
      '      args: {{ .Values.args }}',
    ].join('\n');
    const [container] = workloadContainers(parseManifest(text, { helmTemplate: true }));
    expect(container!.longRunning).toBe(false);
    expect(container!.command).toEqual({ line: 10, words: [], templated: true });
    expect(container!.args).toEqual({ line: 12, words: [], templated: true });
  });

  it('locates text inside a block scalar script line by line', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: db',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: ghcr.io/acme/api:2.0.0',
      '          command: ["/bin/sh", "-c"]',
      '          args:',
      '            - |',
      '              set -e',
      '              npx prisma migrate deploy',
      '              exec node dist/server.js',
    ].join('\n');
    const [container] = workloadContainers(parseManifest(text));
    const script = container!.args!.words[0]!;
    expect(script.value).toBe('set -e\nnpx prisma migrate deploy\nexec node dist/server.js\n');
    expect(script.templated).toBe(false);
    const at = script.value.indexOf('npx');
    expect(text.slice(fileOffsetOf(script, at), fileOffsetOf(script, at) + 'npx prisma'.length)).toBe('npx prisma');
    expect(parseManifest(text).lineOf(fileOffsetOf(script, script.value.indexOf('exec')))).toBe(16);
  });

  it('marks a script templated when an action line sits inside it', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: seed',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: seed',
      '          image: ghcr.io/acme/api:2.0.0',
      '          command:',
      '            - sh',
      '            - -c',
      '            - |',
      '              set -e',
      '              {{- if .Values.reset }}',
      '              node dist/reset.js',
      '              {{- end }}',
      '              exec node dist/seed.js',
      '          {{- with .Values.resources }}',
      '          resources: {{ toYaml . | nindent 12 }}',
      '          {{- end }}',
    ].join('\n');
    const [container] = workloadContainers(parseManifest(text, { helmTemplate: true }));
    expect(container!.command!.words.map((word) => word.templated)).toEqual([false, false, true]);
  });
});

describe('reading through the engine', () => {
  it('counts a file with a broken document as skipped, named with its line, and still reads its other documents', async () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: api }',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: ghcr.io/acme/api:1.0.0',
      '          env:',
      '            - name: DB_PASSWORD',
      '              value: Wq9#kL2m',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'spec: { ports: [80 }',
    ].join('\n');
    const report = await review({ files: [{ path: 'k8s/api.yaml', content: text }], repo: new MemoryRepository({ 'k8s/api.yaml': text }) }, { checks: [noLiteralSecretEnv] });
    expect(report.skipped).toEqual([{ path: 'k8s/api.yaml', reason: 'unparsable', detail: expect.stringMatching(/^invalid YAML at line 16: /) }]);
    expect(report.findings.map((finding) => `${finding.line} ${finding.ruleId}`)).toEqual(['12 config/no-literal-secret-env']);
  });

  it('does not parse YAML files that cannot hold an object, so broken non-Kubernetes YAML is not named', async () => {
    const text = 'steps:\n  - run: [unclosed\n';
    const report = await review({ files: [{ path: 'ci/pipeline.yml', content: text }], repo: new MemoryRepository({ 'ci/pipeline.yml': text }) }, { checks: [noLiteralSecretEnv] });
    expect(report.skipped).toEqual([]);
  });
});
