import path from 'node:path/posix';
import picomatch from 'picomatch';
import type { FileKind } from '../../engine/file-kind.ts';
import type { RepositoryView } from '../../engine/repository.ts';

/*
 * Kubernetes configuration by path (RULES-kubernetes.md, Reading). Objects are decided by
 * content, in any YAML or JSON file; these kinds name the files whose path alone says how they
 * are read: kustomize files, Helm templates (Go templates, not YAML) and Helm values files.
 * A path only suggests a chart: `chartDirectoryOf` confirms it from the repository.
 */

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const HELM_TEMPLATE = picomatch('**/templates/**/*.{yaml,yml}', { dot: true });
const HELM_VALUES = picomatch(['**/values.{yaml,yml}', '**/values-*.{yaml,yml}', '**/values.*.{yaml,yml}', '**/ci/*values*.{yaml,yml}'], { dot: true });

/** The kind of a Kubernetes configuration file known by its path, or undefined. */
export function kubernetesFileKind(filePath: string): Extract<FileKind, 'kustomization' | 'helm-template' | 'helm-values'> | undefined {
  if (KUSTOMIZATION_NAMES.has(path.basename(filePath))) return 'kustomization';
  if (HELM_TEMPLATE(filePath)) return 'helm-template';
  if (HELM_VALUES(filePath)) return 'helm-values';
  return undefined;
}

/** True for a kustomize file (`kustomization.yaml`, `kustomization.yml`, `Kustomization`). */
export function isKustomizationPath(filePath: string): boolean {
  return KUSTOMIZATION_NAMES.has(path.basename(filePath));
}

const CHART_FILE = 'Chart.yaml';

/**
 * The directory of the Helm chart a template or values file belongs to ('' for the root), or
 * undefined when no `Chart.yaml` makes it one: a `templates/` folder elsewhere is plain YAML.
 */
export function chartDirectoryOf(repo: RepositoryView, filePath: string, kind: FileKind): string | undefined {
  const segments = filePath.split('/').slice(0, -1);
  if (kind === 'helm-template') {
    for (let index = segments.length - 1; index >= 0; index--) {
      if (segments[index] !== 'templates') continue;
      const directory = segments.slice(0, index).join('/');
      if (repo.has(joinPath(directory, CHART_FILE))) return directory;
    }
    return undefined;
  }
  if (kind === 'helm-values') {
    const directory = segments.at(-1) === 'ci' ? segments.slice(0, -1).join('/') : segments.join('/');
    return repo.has(joinPath(directory, CHART_FILE)) ? directory : undefined;
  }
  return undefined;
}

/** `directory/name`, or `name` at the root. */
export function joinPath(directory: string, name: string): string {
  return directory === '' || directory === '.' ? name : `${directory}/${name}`;
}
