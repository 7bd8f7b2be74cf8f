import path from 'node:path/posix';
import { isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { CheckContext } from '../../../checks/define-check.ts';
import { isKustomizationPath } from './file-kinds.ts';
import { kustomizeImages } from './kustomization.ts';
import { textOf, valuesNamed } from './yaml-nodes.ts';

const SKAFFOLD_NAMES = new Set(['skaffold.yaml', 'skaffold.yml']);

/** Image names the repository pins outside the manifests. */
export interface PinnedImages {
  readonly names: ReadonlySet<string>;
  /** False when a kustomize or Skaffold file exists whose content the source did not fetch. */
  readonly complete: boolean;
}

/** True for the files that may pin images: kustomize files and `skaffold.yaml`. */
export function mayPinImages(filePath: string): boolean {
  return isKustomizationPath(filePath) || SKAFFOLD_NAMES.has(path.basename(filePath));
}

/**
 * Image names the repository pins outside the manifests, once per run: kustomize `images`
 * entries with a `newTag` other than `latest` or a `digest` (the "untagged base, pinned overlay"
 * layout), and Skaffold's `build.artifacts[].image`, whose built tag Skaffold substitutes.
 * Files that do not parse pin nothing.
 */
export function imagesPinnedElsewhere(context: CheckContext): PinnedImages {
  return context.perRun('kubernetes:pinned-images', () => {
    const names = new Set<string>();
    let complete = true;
    for (const filePath of context.repo.paths()) {
      if (!mayPinImages(filePath)) continue;
      const text = context.repo.read(filePath);
      if (text === undefined) {
        complete = false;
        continue;
      }
      for (const document of parseAllDocuments(text, { uniqueKeys: false })) {
        if (document.errors.length > 0) continue;
        const pinned = isKustomizationPath(filePath) ? kustomizePins(document) : skaffoldArtifactImages(document.contents);
        for (const name of pinned) names.add(name);
      }
    }
    return { names, complete };
  });
}

function kustomizePins(document: Document.Parsed): string[] {
  return kustomizeImages(document)
    .filter((image) => image.digest !== undefined || (image.newTag !== undefined && image.newTag !== 'latest'))
    .map((image) => image.name);
}

/** `build.artifacts[].image` of a Skaffold config, and of its profiles. */
function skaffoldArtifactImages(root: unknown): string[] {
  const builds = [...valuesNamed(root, 'build'), ...valuesNamed(root, 'profiles').flatMap((profiles) => (isSeq(profiles) ? profiles.items.flatMap((profile) => valuesNamed(profile, 'build')) : []))];
  return builds.flatMap((build) =>
    valuesNamed(build, 'artifacts').flatMap((artifacts) =>
      isSeq(artifacts) ? artifacts.items.filter((artifact) => isMap(artifact)).flatMap((artifact) => textOf(artifact, 'image') ?? []) : [],
    ),
  );
}
