import { describe, expect, it } from 'vitest';
import pinDeployImage from '../../checks/build-release-run/pin-deploy-image/index.ts';
import noStickySessions from '../../checks/processes/no-sticky-sessions/index.ts';
import type { Check } from '../../checks/define-check.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

/*
 * The App fetches only some repository files (src/github/select-repository-files.ts): a file
 * that exists but was not fetched reads as undefined. The Kubernetes rules that look beyond one
 * file must not take such a file for one that pins nothing or holds no StatefulSet.
 */

async function findingsOf(check: Check, path: string, content: string, others: Record<string, string | undefined>): Promise<string[]> {
  const report = await review({ files: [{ path, content }], repo: new MemoryRepository({ ...others, [path]: content }) }, { checks: [check] });
  return report.findings.map((finding) => `${finding.line} ${finding.severity} ${finding.ruleId}`);
}

const UNTAGGED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders
`;

const STICKY = `apiVersion: v1
kind: Service
metadata:
  name: orders-db
spec:
  sessionAffinity: ClientIP
  selector: { app: orders-db }
`;

describe('Kubernetes rules with repository files the source did not fetch', () => {
  it('pin-deploy-image stays silent on an untagged image while a kustomization is unread', async () => {
    expect(await findingsOf(pinDeployImage, 'base/deployment.yaml', UNTAGGED, { 'overlays/prod/kustomization.yaml': undefined })).toEqual([]);
    expect(await findingsOf(pinDeployImage, 'base/deployment.yaml', UNTAGGED, { 'overlays/prod/kustomization.yaml': 'resources: [../../base]\n' })).toEqual([
      '10 warning build-release-run/pin-deploy-image',
    ]);
  });

  it('no-sticky-sessions lowers a Service to a notice while manifests are unread', async () => {
    expect(await findingsOf(noStickySessions, 'k8s/db-service.yaml', STICKY, { 'k8s/db.yaml': undefined })).toEqual(['6 notice processes/no-sticky-sessions']);
    expect(await findingsOf(noStickySessions, 'k8s/db-service.yaml', STICKY, { 'k8s/db.yaml': 'apiVersion: v1\nkind: ConfigMap\n' })).toEqual([
      '6 warning processes/no-sticky-sessions',
    ]);
  });
});
