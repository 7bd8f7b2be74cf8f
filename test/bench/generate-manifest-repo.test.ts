import { describe, expect, it } from 'vitest';
import { generateManifestRepo } from '../../scripts/bench/generate-manifest-repo.ts';
import { DEFAULT_SEED } from '../../scripts/bench/generate-repo.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { parseManifest } from '../../src/languages/kubernetes/parse-manifest.ts';

describe('generateManifestRepo', () => {
  const plain = generateManifestRepo({ manifests: 300, style: 'plain', seed: DEFAULT_SEED });
  const helm = generateManifestRepo({ manifests: 300, style: 'helm', seed: DEFAULT_SEED });
  const manifestsOf = (files: typeof plain) => files.filter((file) => /\/(?:templates\/)?[a-z]+-\d+\.yaml$/.test(file.path));

  it('is deterministic, and a smaller repository is the prefix of a larger one', () => {
    expect(generateManifestRepo({ manifests: 300, style: 'helm', seed: DEFAULT_SEED })).toEqual(helm);
    expect(manifestsOf(generateManifestRepo({ manifests: 100, style: 'plain', seed: DEFAULT_SEED }))).toEqual(manifestsOf(plain).slice(0, 100));
  });

  it('writes the requested manifests, plus a kustomization per folder or a chart per folder, at unique paths', () => {
    expect(manifestsOf(plain)).toHaveLength(300);
    expect(plain.filter((file) => file.path.endsWith('/kustomization.yaml'))).toHaveLength(8);
    expect(manifestsOf(helm)).toHaveLength(300);
    expect(helm.filter((file) => file.path.endsWith('/Chart.yaml'))).toHaveLength(8);
    for (const files of [plain, helm]) expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
  });

  it('writes plain manifests and Helm templates that read without a broken document', () => {
    const broken = [
      ...manifestsOf(plain).filter((file) => parseManifest(file.content).broken.length > 0),
      ...manifestsOf(helm).filter((file) => parseManifest(file.content, { helmTemplate: true }).broken.length > 0),
    ];
    expect(broken.map((file) => file.path)).toEqual([]);
    expect(parseManifest(manifestsOf(plain)[0]!.content).objects.map((object) => object.kind)).toEqual(['Deployment', 'Service', 'ConfigMap']);
    expect(parseManifest(manifestsOf(helm)[0]!.content, { helmTemplate: true }).objects.map((object) => object.kind)).toEqual(['Deployment']);
  });

  it('holds a few violations of the Kubernetes rules, and nothing is skipped', async () => {
    for (const files of [plain, helm]) {
      const contents = Object.fromEntries(files.map((file) => [file.path, file.content]));
      const report = await review({ files: files.map((file) => ({ path: file.path, content: file.content })), repo: new MemoryRepository(contents) });
      expect(report.skipped).toEqual([]);
      expect(report.findings.length).toBeGreaterThan(2);
      expect(report.findings.length).toBeLessThan(30);
    }
  });
});
