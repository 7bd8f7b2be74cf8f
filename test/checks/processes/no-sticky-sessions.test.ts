import check from '../../../checks/processes/no-sticky-sessions/index.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CHART } from '../../support/helm-chart.ts';

const STICKY_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: orders-db
spec:
  sessionAffinity: ClientIP
  selector:
    app: orders-db
  ports: [{ port: 5432 }]
`;

const DB_STATEFUL_SET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  serviceName: orders-db
  selector:
    matchLabels: { app: orders-db }
  template:
    metadata:
      labels:
        app: orders-db
        tier: data
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
`;

testCheck(check, {
  valid: [
    {
      name: 'sessionAffinity None, stickiness disabled, and hashing for cache locality',
      filename: 'k8s/networking.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  sessionAffinity: None
  selector: { app: orders }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: orders
  annotations:
    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=false,deregistration_delay.timeout_seconds=30
    nginx.ingress.kubernetes.io/upstream-hash-by: $request_uri
spec:
  rules: []
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: orders
spec:
  host: orders
  trafficPolicy:
    loadBalancer:
      consistentHash: { httpCookie: { name: user, ttl: 0s } }
`,
    },
    {
      name: 'a headless Service',
      filename: 'k8s/service.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  clusterIP: None
  sessionAffinity: ClientIP
  selector: { app: orders }
`,
    },
    {
      name: 'a Service fronting a StatefulSet in another file',
      filename: 'k8s/db-service.yaml',
      code: STICKY_SERVICE,
      files: { 'k8s/db-statefulset.yaml': DB_STATEFUL_SET },
    },
    {
      name: 'a Service fronting a StatefulSet in the same file',
      filename: 'k8s/db.yaml',
      code: `${DB_STATEFUL_SET}---\n${STICKY_SERVICE}`,
    },
    {
      name: 'a Helm Service whose selector is written by the chart, beside a StatefulSet of the same chart',
      filename: 'chart/templates/service.yaml',
      files: {
        ...CHART,
        'chart/templates/statefulset.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    metadata:
      labels:
        {{- include "orders.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: redis
          image: redis:7.4.1
`,
      },
      code: `apiVersion: v1
kind: Service
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  sessionAffinity: ClientIP
  selector:
    {{- include "orders.selectorLabels" . | nindent 4 }}
`,
    },
    {
      name: 'a templated affinity, and pod affinity (scheduling, not sessions)',
      filename: 'chart/templates/deployment.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Service
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  sessionAffinity: {{ .Values.service.sessionAffinity }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution: []
        nodeAffinity: {}
      containers:
        - name: api
          image: ghcr.io/acme/orders:1.4.2
`,
    },
    {
      name: 'a cookie affinity annotation on a Service is not ingress-nginx',
      filename: 'k8s/service.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
  annotations:
    nginx.ingress.kubernetes.io/affinity: cookie
spec:
  selector: { app: orders }
`,
    },
  ],
  invalid: [
    {
      name: 'a Service with ClientIP affinity',
      filename: 'k8s/service.yaml',
      code: `apiVersion: v1
kind: Service
metadata:
  name: orders
spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP: { timeoutSeconds: 10800 }
  selector:
    app: orders
`,
      errors: [{ messageId: 'sticky', line: 6, column: 3, messageIncludes: 'Service `orders` turns on sticky sessions with `sessionAffinity: ClientIP`' }],
    },
    {
      name: 'a selector that does not match the StatefulSet',
      filename: 'k8s/service.yaml',
      code: STICKY_SERVICE.replace('app: orders-db', 'app: orders-api'),
      files: { 'k8s/db-statefulset.yaml': DB_STATEFUL_SET },
      errors: [{ messageId: 'sticky', line: 6 }],
    },
    {
      name: 'ingress-nginx cookie affinity, Traefik and ALB stickiness on an Ingress',
      filename: 'k8s/ingress.yaml',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: orders
  annotations:
    nginx.ingress.kubernetes.io/affinity: "cookie"
    nginx.ingress.kubernetes.io/session-cookie-name: route
    traefik.ingress.kubernetes.io/service.sticky.cookie: "true"
    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60
spec:
  rules: []
`,
      errors: [
        { messageId: 'sticky', line: 6 },
        { messageId: 'sticky', line: 8 },
        { messageId: 'sticky', line: 9 },
      ],
    },
    {
      name: 'a Traefik IngressRoute sticky cookie and a GKE BackendConfig',
      filename: 'k8s/edge.yaml',
      code: `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: orders
spec:
  routes:
    - match: Host(\`orders.example.com\`)
      kind: Rule
      services:
        - name: orders
          port: 80
          sticky:
            cookie:
              name: orders_route
---
apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata:
  name: orders
spec:
  sessionAffinity:
    affinityType: GENERATED_COOKIE
    affinityCookieTtlSec: 3600
`,
      errors: [
        { messageId: 'sticky', line: 13, messageIncludes: 'IngressRoute `orders`' },
        { messageId: 'sticky', line: 22 },
      ],
    },
    {
      name: 'a Helm Service: a literal affinity in one branch; no StatefulSet in the chart',
      filename: 'chart/templates/service.yaml',
      files: CHART,
      code: `apiVersion: v1
kind: Service
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  {{- if .Values.service.sticky }}
  sessionAffinity: ClientIP
  {{- end }}
  selector:
    {{- include "orders.selectorLabels" . | nindent 4 }}
`,
      errors: [{ messageId: 'sticky', line: 7, messageIncludes: 'a Service turns on' }],
    },
  ],
});
