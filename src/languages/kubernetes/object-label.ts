import type { Node, YAMLMap } from 'yaml';
import type { Manifest, ManifestObject } from './parse-manifest.ts';
import { scalarText, valuesNamed } from './yaml-nodes.ts';

/** How a message names an object: Deployment `orders`, or a Deployment when its name is templated. */
export function objectLabel(object: ManifestObject): string {
  return object.name === undefined ? `a ${object.kind}` : `${object.kind} ${nameLabel(object)}`;
}

/** An object's name for a message: `orders`, or (templated name). */
export function nameLabel(object: ManifestObject): string {
  return object.name === undefined ? '(templated name)' : `\`${object.name}\``;
}

/** A container's literal name, or `(templated)` / `(unnamed)`. */
export function containerLabel(manifest: Manifest, container: YAMLMap<Node, Node | null>): string {
  const [name] = valuesNamed(container, 'name');
  if (name === undefined) return '(unnamed)';
  return manifest.isTemplated(name) ? '(templated)' : (scalarText(name) ?? '(unnamed)');
}
