import { isMap, isScalar, parseDocument, type Document, type Pair } from 'yaml';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../../src/engine/file-kind.ts';
import { expandVariables, parseImageReference } from '../../support/image-reference.ts';

/** Backing-service images by the last segment of their repository, and the service they run. */
const BACKING_SERVICES: Readonly<Record<string, string>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  postgis: 'postgis',
  mysql: 'mysql',
  'mysql-server': 'mysql',
  mariadb: 'mariadb',
  redis: 'redis',
  'redis-stack': 'redis-stack',
  'redis-stack-server': 'redis-stack',
  valkey: 'valkey',
  mongo: 'mongo',
  mongodb: 'mongo',
  'mongodb-community-server': 'mongo',
  rabbitmq: 'rabbitmq',
  kafka: 'kafka',
  'cp-kafka': 'cp-kafka',
  zookeeper: 'zookeeper',
  'cp-zookeeper': 'cp-zookeeper',
  elasticsearch: 'elasticsearch',
  opensearch: 'opensearch',
  memcached: 'memcached',
  nats: 'nats',
  cassandra: 'cassandra',
  couchdb: 'couchdb',
  neo4j: 'neo4j',
  influxdb: 'influxdb',
  'clickhouse-server': 'clickhouse',
  minio: 'minio',
};

/** One backing-service image of a compose file. */
interface ServiceImage {
  path: string;
  service: string;
  image: string;
  /** The image without its tag: `postgres`, `bitnami/postgresql`. */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
  major: string | undefined;
}

export default defineDetector<MessageId>({
  kinds: ['compose'],
  needs: 'yaml',
  detect(context) {
    const images = serviceImagePairs(context.yaml());
    if (images.length === 0) return;
    const elsewhere = repositoryImages(context).filter((image) => image.path !== context.path);
    for (const { pair, written } of images) {
      const found = backingImage(context.path, written);
      if (!found || !isScalar(pair.key) || !pair.key.range || !isScalar(pair.value) || !pair.value.range) continue;
      const range = [pair.key.range[0], pair.value.range[1]] as const;
      const why = found.digest ? undefined : floating(found.tag);
      if (why) {
        context.report({ range, messageId: 'unpinned', data: { image: found.image, why, name: found.name } });
        continue;
      }
      if (found.major === undefined) continue;
      const drifting = elsewhere.filter((other) => other.service === found.service && other.major !== undefined && other.major !== found.major);
      if (drifting.length === 0) continue;
      const others = [...new Set(drifting.map((other) => `\`${other.image}\` in ${other.path}`))].slice(0, 3).join(', ');
      context.report({ range, messageId: 'drift', data: { image: found.image, others, service: found.service } });
    }
  },
});

/** Why a tag follows new releases (none, `latest`, or one without any version number); undefined when it names a version. */
function floating(tag: string | undefined): string | undefined {
  if (tag === undefined) return 'has no tag';
  if (tag === 'latest') return 'uses `:latest`';
  return /\d/.test(tag) ? undefined : `uses the moving \`:${tag}\` tag`;
}

/** The `image:` pairs of services that are not built from this repository (no `build:`). */
function serviceImagePairs(document: Document.Parsed | Document): { pair: Pair; written: string }[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  const services = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'services')?.value;
  if (!isMap(services)) return [];
  const found: { pair: Pair; written: string }[] = [];
  for (const service of services.items) {
    if (!isMap(service.value)) continue;
    const keys = service.value.items.filter((pair) => isScalar(pair.key));
    if (keys.some((pair) => (pair.key as { value: unknown }).value === 'build')) continue;
    const image = keys.find((pair) => (pair.key as { value: unknown }).value === 'image');
    if (image && isScalar(image.value) && typeof image.value.value === 'string') found.push({ pair: image, written: image.value.value });
  }
  return found;
}

/** A backing-service image with its tag and major version; undefined for the app's own or unknown images. */
function backingImage(filePath: string, written: string): ServiceImage | undefined {
  const image = written.includes('$') ? expandVariables(written, () => undefined) : written;
  if (image === undefined || image === '') return undefined;
  const reference = parseImageReference(image);
  const service = BACKING_SERVICES[reference.name.toLowerCase()];
  if (!service) return undefined;
  const major = reference.tag === undefined ? undefined : /^v?(\d+)/.exec(reference.tag)?.[1];
  const name = [reference.registry, reference.repository].filter(Boolean).join('/');
  return { path: filePath, service, image, name, tag: reference.tag, digest: reference.digest, major };
}

/** Backing-service images of every compose file of the repository (tests excluded), once per run. */
function repositoryImages(context: CheckContext): readonly ServiceImage[] {
  return context.perRun('compose-version-drift:images', () => {
    const images: ServiceImage[] = [];
    for (const filePath of context.repo.paths()) {
      if (fileKindOf(filePath) !== 'compose' || isTestPath(filePath) || defaultSkipReason(filePath)) continue;
      const text = context.repo.read(filePath);
      if (text === undefined) continue;
      const document = parseDocument(text, { uniqueKeys: false });
      if (document.errors.length > 0) continue;
      for (const { written } of serviceImagePairs(document)) {
        const image = backingImage(filePath, written);
        if (image) images.push(image);
      }
    }
    return images;
  });
}
