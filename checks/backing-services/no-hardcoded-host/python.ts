import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { isDjangoSettingsModule } from '../../../src/languages/python/django-settings-module.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { argument, calleeName, keywordArgument, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import type { MessageId } from './index.ts';

/** Where a client takes its host: a keyword, and a position when it takes it positionally. */
interface ClientSpec {
  client: string;
  keyword: string;
  index?: number;
  /** A configuration dict whose key holds the hosts (confluent-kafka). */
  dictKey?: string;
}

const REDIS: ClientSpec = { client: 'Redis', keyword: 'host', index: 0 };
const KAFKA: ClientSpec = { client: 'Kafka', keyword: 'bootstrap_servers' };
const CONFLUENT: ClientSpec = { client: 'Kafka', keyword: 'config', index: 0, dictKey: 'bootstrap.servers' };
const POSTGRES: ClientSpec = { client: 'PostgreSQL', keyword: 'host' };
const MYSQL: ClientSpec = { client: 'MySQL', keyword: 'host' };

/** Backing-service clients by qualified constructor or factory. */
const CLIENTS: Readonly<Record<string, ClientSpec>> = {
  'redis.Redis': REDIS,
  'redis.StrictRedis': REDIS,
  'redis.client.Redis': REDIS,
  'redis.asyncio.Redis': REDIS,
  'redis.ConnectionPool': { client: 'Redis', keyword: 'host' },
  'pika.ConnectionParameters': { client: 'RabbitMQ', keyword: 'host', index: 0 },
  'kafka.KafkaProducer': KAFKA,
  'kafka.KafkaConsumer': KAFKA,
  'kafka.KafkaAdminClient': KAFKA,
  'aiokafka.AIOKafkaProducer': KAFKA,
  'aiokafka.AIOKafkaConsumer': KAFKA,
  'confluent_kafka.Producer': CONFLUENT,
  'confluent_kafka.Consumer': CONFLUENT,
  'psycopg2.connect': POSTGRES,
  'psycopg.connect': POSTGRES,
  'asyncpg.connect': POSTGRES,
  'asyncpg.create_pool': POSTGRES,
  'pymysql.connect': MYSQL,
  'MySQLdb.connect': MYSQL,
  'mysql.connector.connect': MYSQL,
  'pymongo.MongoClient': { client: 'MongoDB', keyword: 'host', index: 0 },
  'smtplib.SMTP': { client: 'SMTP', keyword: 'host', index: 0 },
  'smtplib.SMTP_SSL': { client: 'SMTP', keyword: 'host', index: 0 },
  'sqlalchemy.engine.URL.create': { client: 'SQLAlchemy', keyword: 'host' },
  'sqlalchemy.URL.create': { client: 'SQLAlchemy', keyword: 'host' },
  'pymemcache.client.base.Client': { client: 'Memcached', keyword: 'server', index: 0 },
  'pymemcache.Client': { client: 'Memcached', keyword: 'server', index: 0 },
  'elasticsearch.Elasticsearch': { client: 'Elasticsearch', keyword: 'hosts', index: 0 },
};

/** Listen addresses, not service locations. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
/** A host name or IP, optionally with a port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d+)?$/;

/** A host literal and the client it is for. */
interface HostSite {
  literal: Node;
  host: string;
  client: string;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (isToolingPath(context.path)) return;
    const module = pythonModule(context);
    const sites = [...clientHosts(module), ...(isDjangoSettingsModule(context.path, module) ? djangoHosts(module) : [])];
    const reportedLines = new Set<number>();
    for (const site of sites) {
      const line = site.literal.startPosition.row;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      context.report({ range: [site.literal.startIndex, site.literal.endIndex], messageId: 'host', data: { client: site.client, host: site.host } });
    }
  },
});

function clientHosts(module: PythonModule): HostSite[] {
  const sites: HostSite[] = [];
  for (const call of module.calls) {
    const spec = CLIENTS[calleeName(module, call) ?? ''];
    if (!spec) continue;
    let given = spec.index === undefined ? keywordArgument(call, spec.keyword) : argument(call, spec.index, spec.keyword);
    if (spec.dictKey !== undefined) given = given && dictionaryValue(resolveValue(module, given), spec.dictKey);
    if (given) sites.push(...hostLiterals(module, given).map(({ literal, host }) => ({ literal, host, client: spec.client })));
  }
  return sites;
}

/** Django's `DATABASES` `"HOST"` entries and `EMAIL_HOST`. */
function djangoHosts(module: PythonModule): HostSite[] {
  const sites: HostSite[] = [];
  const databases = module.constants.get('DATABASES');
  for (const pair of databases?.type === 'dictionary' ? databases.namedChildren : []) {
    const options = pair?.type === 'pair' ? pair.childForFieldName('value') : null;
    const host = options ? dictionaryValue(resolveValue(module, options), 'HOST') : undefined;
    if (host) sites.push(...hostLiterals(module, host).map(({ literal, host: name }) => ({ literal, host: name, client: 'Django database' })));
  }
  const email = module.constants.get('EMAIL_HOST');
  if (email) sites.push(...hostLiterals(module, email).map(({ literal, host }) => ({ literal, host, client: 'Django email' })));
  return sites;
}

function dictionaryValue(dictionary: Node, key: string): Node | undefined {
  if (dictionary.type !== 'dictionary') return undefined;
  for (const pair of dictionary.namedChildren) {
    if (pair?.type === 'pair' && stringValue(pair.childForFieldName('key')) === key) return pair.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/**
 * The host literals an argument holds, through constants: a host, `"host:port"`, a
 * comma-separated list, a list of them, or a memcached `("host", port)` tuple. URLs are
 * no-hardcoded-service-url's; `""` and wildcard listen addresses are no hosts.
 */
function hostLiterals(module: PythonModule, given: Node): { literal: Node; host: string }[] {
  const value = resolveValue(module, given);
  if (value.type === 'list' || value.type === 'tuple') {
    const items = value.namedChildren.filter((item): item is Node => item !== null);
    const hostAndPort = value.type === 'tuple' && items.length === 2 && items[1]!.type === 'integer';
    return (hostAndPort ? items.slice(0, 1) : items).flatMap((item) => hostLiterals(module, item));
  }
  const text = stringValue(value);
  if (text === undefined) return [];
  const hosts = text.split(',').map((part) => part.trim().replace(/:\d+$/, ''));
  const host = hosts.find((candidate) => candidate !== '' && !WILDCARD_ADDRESSES.has(candidate) && HOST.test(candidate) && !/^\d+$/.test(candidate));
  return host === undefined ? [] : [{ literal: value, host }];
}
