import { UnparsableFileError, type CheckContext } from '../../../checks/define-check.ts';
import type { FileKind } from '../../engine/file-kind.ts';
import { chartDirectoryOf } from './file-kinds.ts';
import { parseManifest, type Manifest } from './parse-manifest.ts';

/**
 * The file kinds that may hold Kubernetes objects: any YAML or JSON file (the content decides)
 * and Helm templates. Kustomize files and chart values files are read by their own detectors.
 */
export const MANIFEST_KINDS: readonly FileKind[] = ['yaml', 'json', 'helm-template'];

/**
 * The file under review read as a manifest, once per file whatever the rules: a template of a
 * chart (a `Chart.yaml` above its `templates/`) is masked first; a `templates/` folder elsewhere
 * is plain YAML.
 */
export function manifestOf(context: CheckContext): Manifest {
  return context.perFile('kubernetes:manifest', () =>
    parseManifest(context.text, { helmTemplate: context.kind === 'helm-template' && chartDirectoryOf(context.repo, context.path, context.kind) !== undefined }),
  );
}

/**
 * Runs `read` on the file's manifest, then fails the file if one of its documents did not parse:
 * the other documents are still read, and the engine counts the file as skipped, naming the
 * broken document's line (RULES-kubernetes.md, Reading).
 */
export function readManifest(context: CheckContext, read: (manifest: Manifest) => void): void {
  const manifest = manifestOf(context);
  read(manifest);
  const broken = manifest.broken[0];
  if (!broken) return;
  const language = context.kind === 'json' ? 'JSON' : manifest.helmTemplate ? 'YAML (Helm template, actions masked)' : 'YAML';
  throw new UnparsableFileError(`invalid ${language} at line ${broken.line}: ${broken.message}`, broken.line);
}
