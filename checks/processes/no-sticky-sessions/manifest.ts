import type { Node, Pair } from 'yaml';
import type { CheckContext } from '../../define-check.ts';
import { chartDirectoryOf } from '../../../src/languages/kubernetes/file-kinds.ts';
import { literalTextOf } from '../../../src/languages/kubernetes/literal-value.ts';
import { objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import type { Manifest, ManifestObject } from '../../../src/languages/kubernetes/parse-manifest.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { labelsAt, selectorMatches, statefulSetPodLabels } from '../../../src/languages/kubernetes/stateful-set-labels.ts';
import { mapItems, mapsAt, pairRange, pairsNamed, scalarText } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import type { MessageId } from './index.ts';

/** A setting that turns session affinity on, and how a message names it. */
interface Sticky {
  pair: Pair<Node, Node | null>;
  setting: string;
}

const NGINX_AFFINITY = 'nginx.ingress.kubernetes.io/affinity';
const TRAEFIK_STICKY = 'traefik.ingress.kubernetes.io/service.sticky.cookie';
const ALB_ATTRIBUTES = 'alb.ingress.kubernetes.io/target-group-attributes';
const GKE_STICKY_TYPES = new Set(['GENERATED_COOKIE', 'CLIENT_IP']);

export default objectDetector<MessageId>((object, manifest, context) => {
  const sticky = stickySettings(manifest, object);
  if (sticky.length === 0) return;
  const backing = object.kind === 'Service' ? frontsStatefulSet(manifest, object, chartDirectoryOf(context.repo, context.path, context.kind), context) : 'no';
  if (backing === 'yes') return;
  for (const { pair, setting } of sticky) {
    context.report({
      range: pairRange(pair, context.text),
      // Manifests the source did not fetch may hold the StatefulSet this Service fronts.
      ...(backing === 'unknown' ? { messageId: 'stickyUnchecked' as const, severity: 'notice' as const } : { messageId: 'sticky' as const }),
      data: { object: objectLabel(object), setting },
    });
  }
});

function stickySettings(manifest: Manifest, object: ManifestObject): Sticky[] {
  switch (object.kind) {
    case 'Service':
      if (literalTextOf(manifest, mapsAt(object.node, ['spec'])[0], 'clusterIP') === 'None') return [];
      return [...serviceAffinity(manifest, object), ...stickyAnnotations(manifest, object)];
    case 'Ingress':
      return stickyAnnotations(manifest, object);
    case 'IngressRoute':
      return ingressRouteCookies(object);
    case 'BackendConfig':
      return mapsAt(object.node, ['spec', 'sessionAffinity'])
        .flatMap((affinity) => pairsNamed(affinity, 'affinityType'))
        .filter((pair) => !manifest.isTemplated(pair.value) && GKE_STICKY_TYPES.has(scalarText(pair.value) ?? ''))
        .map((pair) => ({ pair, setting: `affinityType: ${scalarText(pair.value)}` }));
    default:
      return [];
  }
}

function serviceAffinity(manifest: Manifest, object: ManifestObject): Sticky[] {
  return mapsAt(object.node, ['spec'])
    .flatMap((spec) => pairsNamed(spec, 'sessionAffinity'))
    .filter((pair) => !manifest.isTemplated(pair.value) && scalarText(pair.value) === 'ClientIP')
    .map((pair) => ({ pair, setting: 'sessionAffinity: ClientIP' }));
}

/** ingress-nginx's cookie affinity, Traefik's sticky cookie and the AWS Load Balancer Controller's target-group stickiness. */
function stickyAnnotations(manifest: Manifest, object: ManifestObject): Sticky[] {
  const found: Sticky[] = [];
  for (const [name, pair] of object.annotations) {
    if (manifest.isTemplated(pair.value)) continue;
    const value = (scalarText(pair.value) ?? '').trim();
    const sticky =
      (name === NGINX_AFFINITY && object.kind === 'Ingress' && value.toLowerCase() === 'cookie') ||
      (name === TRAEFIK_STICKY && value.toLowerCase() === 'true') ||
      (name === ALB_ATTRIBUTES && value.replace(/\s+/g, '').split(',').includes('stickiness.enabled=true'));
    if (sticky) found.push({ pair, setting: `${name}: ${value}` });
  }
  return found;
}

/** A Traefik IngressRoute service with `sticky.cookie`. */
function ingressRouteCookies(object: ManifestObject): Sticky[] {
  return mapItems(mapsAt(object.node, ['spec'])[0], 'routes')
    .flatMap((route) => mapItems(route, 'services'))
    .flatMap((service) => mapsAt(service, ['sticky']))
    .flatMap((sticky) => pairsNamed(sticky, 'cookie'))
    .map((pair) => ({ pair, setting: 'sticky.cookie' }));
}

/** A Service selecting a StatefulSet's pods fronts a stateful backing service run in the cluster. */
function frontsStatefulSet(manifest: Manifest, service: ManifestObject, chart: string | undefined, context: CheckContext): 'yes' | 'no' | 'unknown' {
  const selector = labelsAt(manifest, service, ['spec', 'selector'], chart);
  const statefulSets = statefulSetPodLabels(context);
  if (statefulSets.labelSets.some((pods) => selectorMatches(selector, pods))) return 'yes';
  return statefulSets.complete ? 'no' : 'unknown';
}
