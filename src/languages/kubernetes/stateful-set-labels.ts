import { isMap } from 'yaml';
import type { CheckContext } from '../../../checks/define-check.ts';
import { chartDirectoryOf } from './file-kinds.ts';
import type { Manifest, ManifestObject } from './parse-manifest.ts';
import { mayHoldManifest, readRepositoryManifest } from './read-manifest.ts';
import { keyText, mapsAt, pairsNamed, rangeOf, scalarText } from './yaml-nodes.ts';

/** Stands for a label value a template writes. */
export const TEMPLATED_VALUE = Symbol('templated');

/** A label set as far as the files show it: a pod template's labels, or a Service's selector. */
export interface KnownLabels {
  readonly labels: ReadonlyMap<string, string | typeof TEMPLATED_VALUE>;
  /** False when a template writes entries the files do not show (`{{- include "app.selectorLabels" . }}`). */
  readonly complete: boolean;
  /** The chart directory of a Helm template; undefined for plain manifests. */
  readonly chart: string | undefined;
}

/** The labels of the mapping at `path` of an object. */
export function labelsAt(manifest: Manifest, object: ManifestObject, path: readonly string[], chart: string | undefined): KnownLabels {
  const pairs = mapsAt(object.node, path.slice(0, -1)).flatMap((parent) => pairsNamed(parent, path.at(-1)!));
  const labels = new Map<string, string | typeof TEMPLATED_VALUE>();
  let complete = pairs.length > 0;
  for (const pair of pairs) {
    const keyEnd = rangeOf(pair.key)![1];
    const valueEnd = rangeOf(pair.value)?.[1] ?? keyEnd;
    if (manifest.hidesContentAfter(keyEnd) || manifest.hidesContentWithin(keyEnd, valueEnd) || manifest.hidesContentAfter(valueEnd)) complete = false;
    if (!isMap(pair.value)) {
      if (manifest.isTemplated(pair.value)) complete = false;
      continue;
    }
    for (const entry of pair.value.items) {
      const key = keyText(entry);
      if (key === undefined || manifest.isTemplated(entry.key)) complete = false;
      else labels.set(key, manifest.isTemplated(entry.value) ? TEMPLATED_VALUE : (scalarText(entry.value) ?? ''));
    }
  }
  return { labels, complete, chart };
}

/** The pod labels of the repository's StatefulSets. */
export interface StatefulSetLabels {
  readonly labelSets: readonly KnownLabels[];
  /** False when a file that may hold objects exists whose content the source did not fetch. */
  readonly complete: boolean;
}

/**
 * The pod labels of every StatefulSet of the repository, once per run: a Service selecting them
 * fronts a stateful backing service run in the cluster. Test code and files that do not parse
 * hold none.
 */
export function statefulSetPodLabels(context: CheckContext): StatefulSetLabels {
  return context.perRun('kubernetes:stateful-set-labels', () => {
    const found: KnownLabels[] = [];
    let complete = true;
    for (const filePath of context.repo.paths()) {
      if (!mayHoldManifest(filePath)) continue;
      const text = context.repo.read(filePath);
      if (text === undefined) complete = false;
      if (text === undefined || !text.includes('StatefulSet')) continue;
      const manifest = readRepositoryManifest(context.repo, filePath, text);
      const chart = manifest.helmTemplate ? chartDirectoryOf(context.repo, filePath, 'helm-template') : undefined;
      for (const object of manifest.objects) {
        if (object.kind === 'StatefulSet') found.push(labelsAt(manifest, object, ['spec', 'template', 'metadata', 'labels'], chart));
      }
    }
    return { labelSets: found, complete };
  });
}

/**
 * True when a selector picks pods with these labels: every selector entry is among them. Where a
 * template writes part of either side, only a StatefulSet of the same chart can match, and any
 * label it might write counts as a match.
 */
export function selectorMatches(selector: KnownLabels, pods: KnownLabels): boolean {
  if (selector.labels.size === 0 && selector.complete) return false;
  let certain = selector.complete && pods.complete;
  for (const [key, value] of selector.labels) {
    const label = pods.labels.get(key);
    if (label === undefined) {
      if (pods.complete) return false;
      certain = false;
    } else if (label === TEMPLATED_VALUE || value === TEMPLATED_VALUE) {
      certain = false;
    } else if (label !== value) {
      return false;
    }
  }
  return certain || (selector.chart !== undefined && selector.chart === pods.chart);
}
