import check from '../../../checks/processes/no-hostpath-state/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

/** A workload of `kind` with one container mounting `mounts` and the pod volumes `volumes`. */
function workload(kind: string, volumes: string, mounts: string): string {
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
          volumeMounts:
${mounts}      volumes:
${volumes}`;
}

const UPLOADS_VOLUME = `        - name: uploads
          hostPath:
            path: /srv/orders/uploads
            type: DirectoryOrCreate
`;
const UPLOADS_MOUNT = `            - name: uploads
              mountPath: /app/uploads
`;

testCheck(check, {
  valid: [
    { name: 'a DaemonSet (node agent)', filename: 'k8s/agent.yaml', code: workload('DaemonSet', UPLOADS_VOLUME, UPLOADS_MOUNT) },
    { name: 'a StatefulSet', filename: 'k8s/db.yaml', code: workload('StatefulSet', UPLOADS_VOLUME, UPLOADS_MOUNT) },
    {
      name: 'a Job and a bare Pod',
      filename: 'k8s/jobs.yaml',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: import
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: import
          image: ghcr.io/acme/import:1.0.0
          volumeMounts: [{ name: data, mountPath: /data }]
      volumes:
        - name: data
          hostPath: { path: /srv/import }
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: debug
      image: busybox:1.36
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      hostPath: { path: /srv/debug }
`,
    },
    {
      name: 'a read-only mount',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', UPLOADS_VOLUME, `            - name: uploads\n              mountPath: /app/uploads\n              readOnly: true\n`),
    },
    {
      name: 'sockets, devices and system paths',
      filename: 'k8s/deployment.yaml',
      code: workload(
        'Deployment',
        `        - name: docker-sock
          hostPath: { path: /var/run/docker.sock, type: Socket }
        - name: fuse
          hostPath: { path: /srv/fuse, type: CharDevice }
        - name: localtime
          hostPath: { path: /etc/localtime }
        - name: logs
          hostPath: { path: /var/log/orders }
        - name: modules
          hostPath: { path: /lib/modules }
        - name: kubelet
          hostPath: { path: /var/lib/kubelet/pods/ }
`,
        `            - { name: docker-sock, mountPath: /var/run/docker.sock }
            - { name: fuse, mountPath: /dev/fuse }
            - { name: localtime, mountPath: /etc/localtime }
            - { name: logs, mountPath: /var/log/app }
            - { name: modules, mountPath: /lib/modules }
            - { name: kubelet, mountPath: /pods }
`,
      ),
    },
    {
      name: 'a hostPath volume no container mounts',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', UPLOADS_VOLUME, `            - name: cache\n              mountPath: /tmp/cache\n`),
    },
    {
      name: 'emptyDir, PersistentVolumeClaims and projected volumes',
      filename: 'k8s/deployment.yaml',
      code: workload(
        'Deployment',
        `        - name: uploads
          persistentVolumeClaim: { claimName: uploads }
        - name: cache
          emptyDir: {}
        - name: token
          projected:
            sources: [{ serviceAccountToken: { path: token } }]
`,
        `            - { name: uploads, mountPath: /app/uploads }
            - { name: cache, mountPath: /tmp/cache }
            - { name: token, mountPath: /var/run/token }
`,
      ),
    },
    {
      name: 'a Helm template whose hostPath is templated',
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
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          {{- if .Values.persistence.enabled }}
          persistentVolumeClaim:
            claimName: {{ include "orders.fullname" . }}
          {{- else }}
          hostPath:
            path: {{ .Values.hostPath }}
          {{- end }}
`,
    },
  ],
  invalid: [
    {
      name: 'a Deployment writing to a hostPath',
      filename: 'k8s/deployment.yaml',
      code: workload('Deployment', UPLOADS_VOLUME, UPLOADS_MOUNT),
      errors: [{ messageId: 'hostPath', line: 16, column: 11, messageIncludes: 'Deployment `orders` mounts hostPath `/srv/orders/uploads` (volume `uploads`)' }],
    },
    {
      name: 'an init container writing, readOnly false, a Rollout in the second document',
      filename: 'k8s/rollout.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: orders
spec:
  template:
    spec:
      initContainers:
        - name: warm-cache
          image: ghcr.io/acme/orders:1.4.2
          volumeMounts: [{ name: cache, mountPath: /cache, readOnly: false }]
      containers:
        - name: api
          image: ghcr.io/acme/orders:1.4.2
          volumeMounts: [{ name: cache, mountPath: /cache, readOnly: true }]
      volumes:
        - name: cache
          hostPath: { path: /mnt/cache/orders }
`,
      errors: [{ messageId: 'hostPath', line: 23 }],
    },
    {
      name: 'a Helm template with a literal hostPath in one branch',
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
          volumeMounts:
            - name: reports
              mountPath: /app/reports
      volumes:
        - name: reports
          {{- if .Values.persistence.enabled }}
          persistentVolumeClaim:
            claimName: reports
          {{- else }}
          hostPath:
            path: /data/reports
          {{- end }}
`,
      errors: [{ messageId: 'hostPath', line: 20, messageIncludes: 'a Deployment mounts' }],
    },
  ],
});
