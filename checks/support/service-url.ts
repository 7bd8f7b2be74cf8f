import { DYNAMIC } from '../../src/languages/javascript/static-text.ts';

/** A backing service's connection URL, as `parseServiceUrl` understands it. */
export interface ServiceUrl {
  scheme: string;
  /** Human name of the service: "PostgreSQL", "Redis"… */
  service: string;
  /** The conventional environment variable for it (`DATABASE_URL`, `REDIS_URL`…). */
  envName: string;
  host: string;
  port: number | undefined;
}

interface ServiceKind {
  service: string;
  envName: string;
}

const POSTGRES: ServiceKind = { service: 'PostgreSQL', envName: 'DATABASE_URL' };
const MYSQL: ServiceKind = { service: 'MySQL', envName: 'DATABASE_URL' };
const MONGODB: ServiceKind = { service: 'MongoDB', envName: 'MONGODB_URI' };
const REDIS: ServiceKind = { service: 'Redis', envName: 'REDIS_URL' };
const AMQP: ServiceKind = { service: 'AMQP', envName: 'AMQP_URL' };
const NATS: ServiceKind = { service: 'NATS', envName: 'NATS_URL' };
const KAFKA: ServiceKind = { service: 'Kafka', envName: 'KAFKA_BROKERS' };
const MEMCACHED: ServiceKind = { service: 'Memcached', envName: 'MEMCACHED_URL' };
const SMTP: ServiceKind = { service: 'SMTP', envName: 'SMTP_URL' };
const ELASTICSEARCH: ServiceKind = { service: 'Elasticsearch', envName: 'ELASTICSEARCH_URL' };

/** Schemes that name a backing service by themselves (RULES.md IV). */
const SERVICE_SCHEMES: ReadonlyMap<string, ServiceKind> = new Map([
  ['postgres', POSTGRES],
  ['postgresql', POSTGRES],
  ['mysql', MYSQL],
  ['mariadb', MYSQL],
  ['mongodb', MONGODB],
  ['mongodb+srv', MONGODB],
  ['redis', REDIS],
  ['rediss', REDIS],
  ['amqp', AMQP],
  ['amqps', AMQP],
  ['nats', NATS],
  ['kafka', KAFKA],
  ['memcache', MEMCACHED],
  ['memcached', MEMCACHED],
  ['smtp', SMTP],
  ['smtps', SMTP],
]);

/** Default ports of backing services reached over plain http(s) or named by port only. */
const SERVICE_PORTS: ReadonlyMap<number, ServiceKind> = new Map([
  [9200, ELASTICSEARCH],
  [5432, POSTGRES],
  [3306, MYSQL],
  [6379, REDIS],
  [27017, MONGODB],
  [5672, AMQP],
  [9092, KAFKA],
  [11211, MEMCACHED],
  [4222, NATS],
]);

/** scheme://[userinfo@]host[:port][/rest]; the whole (trimmed) string must be the URL. */
const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#\s]*)@)?(\[[^\]\s]*\]|[^:/?#,@\s]*)(?::([^/?#,\s]*))?([^\s]*)$/i;

/**
 * The backing service a string is a connection URL for: `postgres://…`, `redis://…`,
 * `http://localhost:9200`. Undefined for anything else, including URLs inside sentences, URLs
 * without a host (`'redis://'` in a `startsWith` test) and hosts known only at run time
 * (`DYNAMIC` parts from static-text.ts).
 */
export function parseServiceUrl(value: string): ServiceUrl | undefined {
  const match = URL_SHAPE.exec(value.trim());
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const host = match[3] ?? '';
  if (host === '' || host.includes(DYNAMIC)) return undefined;
  const portText = match[4] ?? '';
  const port = /^\d+$/.test(portText) ? Number(portText) : undefined;
  const kind = SERVICE_SCHEMES.get(scheme) ?? ((scheme === 'http' || scheme === 'https') && port !== undefined ? SERVICE_PORTS.get(port) : undefined);
  if (!kind) return undefined;
  return { scheme, service: kind.service, envName: kind.envName, host: host.replace(/^\[|\]$/g, ''), port };
}

/** True for a value that has a URL scheme at all (`x://`), service or not. */
export function hasUrlScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
}
