import type { Node, YAMLMap } from 'yaml';
import type { ManifestObject } from './parse-manifest.ts';
import { mapItems, mapsAt, textOf } from './yaml-nodes.ts';

/** Where each workload kind holds its pod spec (RULES-kubernetes.md, "Where the pods are"). */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const LONG_RUNNING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig']);

/** True for the kinds whose pod spec these rules read. */
export function isWorkload(object: ManifestObject): boolean {
  return Object.hasOwn(POD_SPEC_PATHS, object.kind);
}

/** The pod specs of a workload (one, or one per branch of a Helm `if`); none for other kinds. */
export function podSpecsOf(object: ManifestObject): YAMLMap<Node, Node | null>[] {
  const path = Object.hasOwn(POD_SPEC_PATHS, object.kind) ? POD_SPEC_PATHS[object.kind]! : undefined;
  return path ? mapsAt(object.node, path) : [];
}

/**
 * A workload whose processes are meant to keep running: a controller of long-running pods, or a
 * Pod restarted always. Hooks (Helm, Argo CD) run once per release, whatever their kind.
 */
export function isLongRunning(object: ManifestObject): boolean {
  if (object.hook !== undefined) return false;
  if (LONG_RUNNING_KINDS.has(object.kind)) return true;
  if (object.kind !== 'Pod') return false;
  const restartPolicy = podSpecsOf(object).map((spec) => textOf(spec, 'restartPolicy')).find((policy) => policy !== undefined);
  return restartPolicy === undefined || restartPolicy === 'Always';
}

/** A container of a pod spec and the part it plays. */
export interface PodContainer {
  readonly node: YAMLMap<Node, Node | null>;
  /** Main containers are `containers[]` and native sidecars; init containers run to completion first. */
  readonly role: 'main' | 'init';
  /** An `initContainers[]` entry with `restartPolicy: Always`: a native sidecar, running beside the main containers. */
  readonly sidecar: boolean;
}

/** The containers of a pod spec: init containers (and native sidecars) first, then `containers[]`. */
export function containersOf(podSpec: YAMLMap<Node, Node | null>): PodContainer[] {
  const init = mapItems(podSpec, 'initContainers').map((node): PodContainer => {
    const sidecar = textOf(node, 'restartPolicy') === 'Always';
    return { node, role: sidecar ? 'main' : 'init', sidecar };
  });
  const main = mapItems(podSpec, 'containers').map((node): PodContainer => ({ node, role: 'main', sidecar: false }));
  return [...init, ...main];
}

/** Every container of an object's pod specs, with the pod spec that holds it. */
export function podContainersOf(object: ManifestObject): { podSpec: YAMLMap<Node, Node | null>; container: PodContainer }[] {
  return podSpecsOf(object).flatMap((podSpec) => containersOf(podSpec).map((container) => ({ podSpec, container })));
}
