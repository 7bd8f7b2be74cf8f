import { defineDetector, UnparsableFileError, type CheckContext, type Detector } from '../../../checks/define-check.ts';
import { fileKindOf, isTestPath, type FileKind } from '../../engine/file-kind.ts';
import type { RepositoryView } from '../../engine/repository.ts';
import { chartDirectoryOf } from './file-kinds.ts';
import { parseManifest, type Manifest, type ManifestObject } from './parse-manifest.ts';

/**
 * The file kinds that may hold Kubernetes objects: any YAML or JSON file (the content decides)
 * and Helm templates. Kustomize files and chart values files are read by their own detectors.
 */
export const MANIFEST_KINDS: readonly FileKind[] = ['yaml', 'json', 'helm-template'];

/** True for a repository file that may hold Kubernetes objects as configuration: not test code. */
export function mayHoldManifest(filePath: string): boolean {
  return MANIFEST_KINDS.includes(fileKindOf(filePath)) && !isTestPath(filePath);
}

/**
 * A file of the repository read as a manifest: a template of a chart (a `Chart.yaml` above its
 * `templates/`) is masked first; a `templates/` folder elsewhere is plain YAML.
 */
export function readRepositoryManifest(repo: RepositoryView, filePath: string, text: string): Manifest {
  const kind = fileKindOf(filePath);
  return parseManifest(text, { helmTemplate: kind === 'helm-template' && chartDirectoryOf(repo, filePath, kind) !== undefined });
}

/**
 * A file read as a manifest once per run, whatever asks: the rules on the file under review and
 * the process model reading every workload's containers share the parse.
 */
export function sharedManifest(context: Pick<CheckContext, 'repo' | 'perRun'>, filePath: string, text: string): Manifest {
  return context.perRun(`kubernetes:manifest:${filePath}`, () => readRepositoryManifest(context.repo, filePath, text));
}

/** The file under review read as a manifest. */
export function manifestOf(context: CheckContext): Manifest {
  return sharedManifest(context, context.path, context.text);
}

/**
 * A rule's detector on Kubernetes objects: `inspect` sees each object of the file, whatever rule
 * asks, from one parse. A document that did not parse is then named: the other documents are
 * still read, and the engine counts the file as skipped with the broken document's line
 * (RULES-kubernetes.md, Reading).
 */
export function objectDetector<M extends string>(inspect: (object: ManifestObject, manifest: Manifest, context: CheckContext<M>) => void): Detector<M> {
  return defineDetector<M>({
    kinds: MANIFEST_KINDS,
    needs: 'yaml',
    detect(context) {
      const manifest = manifestOf(context);
      for (const object of manifest.objects) inspect(object, manifest, context);
      const broken = manifest.broken[0];
      if (!broken) return;
      const language = context.kind === 'json' ? 'JSON' : manifest.helmTemplate ? 'YAML (Helm template, actions masked)' : 'YAML';
      throw new UnparsableFileError(`invalid ${language} at line ${broken.line}: ${broken.message}`, broken.line);
    },
  });
}
