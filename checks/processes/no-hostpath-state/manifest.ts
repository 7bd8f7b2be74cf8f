import type { Node, YAMLMap } from 'yaml';
import { objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import type { Manifest } from '../../../src/languages/kubernetes/parse-manifest.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { containersOf, podSpecsOf, type PodContainer } from '../../../src/languages/kubernetes/workloads.ts';
import { mapItems, pairsNamed, rangeOf, valuesNamed } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import { literalTextOf } from '../../../src/languages/kubernetes/literal-value.ts';
import type { MessageId } from './index.ts';

/** Controllers of interchangeable replicas; DaemonSets are node agents, StatefulSets own their pods' storage. */
const REPLICATED_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig']);
const DEVICE_TYPES = new Set(['Socket', 'CharDevice', 'BlockDevice']);
/** The node's own files, which agents read; `/var/log` is a logging concern, not state. */
const SYSTEM_PATHS = ['/proc', '/sys', '/dev', '/etc', '/lib/modules', '/usr', '/run', '/var/run', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet', '/var/log'];

export default objectDetector<MessageId>((object, manifest, context) => {
  if (!REPLICATED_KINDS.has(object.kind)) return;
  for (const podSpec of podSpecsOf(object)) {
    const containers = containersOf(podSpec);
    for (const volume of mapItems(podSpec, 'volumes')) {
      const name = literalTextOf(manifest, volume, 'name');
      if (name === undefined || !containers.some((container) => mountsWritable(manifest, container, name))) continue;
      for (const pair of pairsNamed(volume, 'hostPath')) {
        const hostPath = literalTextOf(manifest, pair.value, 'path');
        // A templated type may name a socket or device.
        const type = valuesNamed(pair.value, 'type')[0];
        if (hostPath === undefined || isSystemPath(hostPath) || manifest.isTemplated(type)) continue;
        if (DEVICE_TYPES.has(literalTextOf(manifest, pair.value, 'type') ?? '')) continue;
        context.report({ range: rangeOf(pair.key)!, messageId: 'hostPath', data: { workload: objectLabel(object), path: hostPath, volume: name } });
      }
    }
  }
});

/** True when the container mounts the volume without `readOnly: true` (a templated flag may be true). */
function mountsWritable(manifest: Manifest, container: PodContainer, volume: string): boolean {
  return mapItems(container.node, 'volumeMounts').some((mount: YAMLMap<Node, Node | null>) => {
    if (literalTextOf(manifest, mount, 'name') !== volume) return false;
    const readOnly = valuesNamed(mount, 'readOnly')[0];
    return readOnly === undefined || (!manifest.isTemplated(readOnly) && literalTextOf(manifest, mount, 'readOnly') !== 'true');
  });
}

function isSystemPath(hostPath: string): boolean {
  const normalized = hostPath.replace(/\/+$/, '');
  return SYSTEM_PATHS.some((prefix) => normalized === prefix || normalized.startsWith(`${prefix}/`));
}
