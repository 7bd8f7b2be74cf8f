import path from 'node:path/posix';
import { isMap, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import type { CheckContext } from '../../../checks/define-check.ts';
import { isKustomizationPath } from './file-kinds.ts';
import { kustomizeImages } from './kustomization.ts';
import { textOf, valuesNamed } from './yaml-nodes.ts';

const SKAFFOLD_NAMES = new Set(['skaffold.yaml', 'skaffold.yml']);

/**
 * Image names the repository pins outside the manifests, once per run: kustomize `images`
 * entries with a `newTag` other than `latest` or a `digest` (the "untagged base, pinned overlay"
 * layout), and Skaffold's `build.artifacts[].image`, whose built tag Skaffold substitutes.
 * Files that do not parse pin nothing.
 */
export function imagesPinnedElsewhere(context: CheckContext): ReadonlySet<string> {
  return context.perRun('kubernetes:pinned-images', () => {
    const pinned = new Set<string>();
    for (const filePath of context.repo.paths()) {
      if (isKustomizationPath(filePath)) {
        const document = parseDocument(context.repo.read(filePath) ?? '', { uniqueKeys: false });
        if (document.errors.length > 0) continue;
        for (const image of kustomizeImages(document)) {
          if (image.digest !== undefined || (image.newTag !== undefined && image.newTag !== 'latest')) pinned.add(image.name);
        }
      } else if (SKAFFOLD_NAMES.has(path.basename(filePath))) {
        for (const document of parseAllDocuments(context.repo.read(filePath) ?? '', { uniqueKeys: false })) {
          if (document.errors.length > 0) continue;
          for (const name of skaffoldArtifactImages(document.contents)) pinned.add(name);
        }
      }
    }
    return pinned;
  });
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
