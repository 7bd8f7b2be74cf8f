import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../checks/index.ts';
import { MemoryRepository } from '../../../src/engine/repository.ts';
import { review } from '../../../src/engine/review.ts';
import { fakeBody } from '../secrets/fake-secret.ts';

/** Every rule's findings on one file, as `line ruleId`. */
async function findingsOf(path: string, content: string): Promise<string[]> {
  const report = await review({ files: [{ path, content }], repo: new MemoryRepository({ [path]: content }) }, { checks: CHECKS });
  return report.findings.map((finding) => `${finding.line} ${finding.ruleId}`);
}

// Built from parts at run time, so that the test file itself holds no secret-shaped literal.
const STRIPE_KEY = ['sk', 'live', fakeBody('k8s-precedence', 24)].join('_');
const PASSWORD = ['Wq9#', 'kL2m', 'Zx81', 'Pd7!'].join('');

describe('Kubernetes credential rules beside secrets/*', () => {
  it('a recognised credential format wins over config/no-literal-secret-env on its line', async () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: billing
spec:
  containers:
    - name: billing
      image: ghcr.io/acme/billing:2.0.0
      env:
        - name: STRIPE_SECRET_KEY
          value: ${STRIPE_KEY}
`;
    expect(await findingsOf('k8s/billing.yaml', manifest)).toEqual(['11 secrets/stripe-key']);
  });

  it('a URL composed from a secretKeyRef variable is no finding of any rule', async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders:1.4.2
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: orders-db, key: password }
            - name: DATABASE_URL
              value: postgres://orders:$(DB_PASSWORD)@orders-db:5432/orders
`;
    expect(await findingsOf('k8s/deployment.yaml', manifest)).toEqual([]);
  });

  it('config/no-secret-in-configmap wins over the keyword layer on its line', async () => {
    const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  DB_PASSWORD: "${PASSWORD}"
`;
    expect(await findingsOf('k8s/configmap.yaml', manifest)).toEqual(['6 config/no-secret-in-configmap']);
  });

  it('a committed Secret is reported at its kind, and secret scanning still reports the credential on its line', async () => {
    const manifest = `apiVersion: v1
kind: Secret
metadata:
  name: orders-db
type: Opaque
stringData:
  password: "${PASSWORD}"
`;
    expect(await findingsOf('k8s/secret.yaml', manifest)).toEqual(['2 config/no-committed-secret-manifest', '7 secrets/generic-password']);
  });
});
