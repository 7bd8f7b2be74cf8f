import type { CallExpression, NewExpression } from 'ts-morph';
import { Node } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callsFrom } from '../../../src/languages/javascript/calls-from.ts';
import { propertyValue, readsEnvironment, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { importsAny, resolveReference } from '../../../src/languages/javascript/imports.ts';
import { hasUrlScheme, parseServiceUrl } from '../../support/service-url.ts';
import { isToolingPath } from '../../support/tooling-path.ts';

/**
 * A client constructor or factory of a backing-service library. `paths` are member paths
 * below the module ('' is the module's default export itself); `stringArgs` says which
 * positional string arguments are `host[:port]` lists.
 */
interface ClientSpec {
  modules: readonly string[];
  paths: readonly string[];
  stringArgs?: 'first' | 'after-port';
}

const CLIENTS: readonly ClientSpec[] = [
  { modules: ['ioredis'], paths: ['', 'Redis', 'Cluster', 'Redis.Cluster'], stringArgs: 'after-port' },
  { modules: ['redis'], paths: ['createClient', 'createCluster'], stringArgs: 'after-port' },
  { modules: ['pg', 'pg-pool'], paths: ['', 'Pool', 'Client'] },
  { modules: ['postgres'], paths: [''] },
  { modules: ['mysql', 'mysql2', 'mysql2/promise'], paths: ['createConnection', 'createPool', 'createPoolCluster'] },
  { modules: ['mssql'], paths: ['connect', 'ConnectionPool'] },
  { modules: ['amqplib', 'amqplib/callback_api'], paths: ['connect'] },
  { modules: ['kafkajs'], paths: ['Kafka'] },
  { modules: ['nats'], paths: ['connect'] },
  { modules: ['memcached'], paths: [''], stringArgs: 'first' },
  { modules: ['memjs'], paths: ['Client.create'], stringArgs: 'first' },
  { modules: ['@elastic/elasticsearch', '@opensearch-project/opensearch', 'elasticsearch'], paths: ['Client'] },
  { modules: ['cassandra-driver'], paths: ['Client'] },
  { modules: ['nodemailer'], paths: ['createTransport'] },
  { modules: ['knex'], paths: ['', 'knex'] },
  { modules: ['sequelize', '@sequelize/core'], paths: ['', 'Sequelize'] },
  { modules: ['typeorm'], paths: ['DataSource', 'createConnection'] },
  { modules: ['bullmq'], paths: ['Queue', 'Worker', 'QueueEvents', 'FlowProducer', 'QueueScheduler'] },
  // NestJS modules that build the client from the options they are given.
  { modules: ['@nestjs/typeorm'], paths: ['TypeOrmModule.forRoot'] },
  { modules: ['@nestjs/sequelize'], paths: ['SequelizeModule.forRoot'] },
  { modules: ['@nestjs/bullmq', '@nestjs/bull'], paths: ['BullModule.forRoot'] },
];

const CLIENT_MODULES = [...new Set(CLIENTS.flatMap((client) => client.modules))];

/** Options that hold one host name. */
const HOST_KEYS = ['host', 'hostname', 'server'];
/** Options that hold nested connection options. */
const NESTED_KEYS = ['socket', 'connection', 'redisOptions'];
/** Options that hold hosts, `host:port` strings or node URLs (one or a list). */
const LIST_KEYS = ['brokers', 'servers', 'nodes', 'node', 'hosts', 'contactPoints', 'rootNodes', 'startupNodes'];

/** Listen addresses, not service locations. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

const MAX_DEPTH = 4;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (isToolingPath(context.path) || !importsAny(context, CLIENT_MODULES)) return;
    const reportedLines = new Set<number>();
    for (const call of callsFrom(context, CLIENT_MODULES)) {
      const client = clientOf(context, call);
      if (!client) continue;
      for (const site of hostSites(call, client.spec)) {
        const line = site.node.getStartLineNumber();
        if (reportedLines.has(line)) continue;
        reportedLines.add(line);
        context.report({ node: site.node, messageId: 'host', data: { client: client.module, host: site.host } });
      }
    }
  },
});

function clientOf(context: CheckContext, call: CallExpression | NewExpression): { module: string; spec: ClientSpec } | undefined {
  const reference = resolveReference(context, call.getExpression());
  if (!reference) return undefined;
  const path = (reference.path[0] === 'default' ? reference.path.slice(1) : reference.path).join('.');
  const spec = CLIENTS.find((client) => client.modules.includes(reference.module) && client.paths.includes(path));
  return spec && { module: reference.module, spec };
}

interface HostSite {
  /** The expression as written in the call (a literal, or a `const` holding one). */
  node: Node;
  host: string;
}

function hostSites(call: CallExpression | NewExpression, spec: ClientSpec): HostSite[] {
  const sites: HostSite[] = [];
  const args = call.getArguments();
  args.forEach((argument, index) => {
    const options = optionObjects(argument);
    if (options.length > 0) {
      for (const value of options) collectFromOptions(value, sites, 0);
      return;
    }
    const isHostArgument =
      (spec.stringArgs === 'first' && index === 0) ||
      (spec.stringArgs === 'after-port' && index === 1 && isNumber(args[0]!));
    if (isHostArgument) addHostList(argument, sites);
  });
  return sites;
}

/** The options object (or list) an argument holds; both when it picks one with a ternary. */
function optionObjects(argument: Node): Node[] {
  const value = resolveValue(argument);
  if (Node.isObjectLiteralExpression(value) || Node.isArrayLiteralExpression(value)) return [value];
  if (!Node.isConditionalExpression(value)) return [];
  return [value.getWhenTrue(), value.getWhenFalse()]
    .map((branch) => resolveValue(branch))
    .filter((branch) => Node.isObjectLiteralExpression(branch) || Node.isArrayLiteralExpression(branch));
}

function collectFromOptions(value: Node, sites: HostSite[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Node.isArrayLiteralExpression(value)) {
    for (const element of value.getElements()) {
      const resolved = resolveValue(element);
      if (Node.isObjectLiteralExpression(resolved)) collectFromOptions(resolved, sites, depth + 1);
      else addHostList(element, sites);
    }
    return;
  }
  if (!Node.isObjectLiteralExpression(value)) return;
  for (const key of HOST_KEYS) {
    const host = propertyValue(value, key);
    if (host) addHost(host, sites);
  }
  for (const key of NESTED_KEYS) {
    const nested = propertyValue(value, key);
    if (nested) collectFromOptions(resolveValue(nested), sites, depth + 1);
  }
  for (const key of LIST_KEYS) {
    const list = propertyValue(value, key);
    if (!list) continue;
    const resolved = resolveValue(list);
    if (Node.isArrayLiteralExpression(resolved) || Node.isObjectLiteralExpression(resolved)) collectFromOptions(resolved, sites, depth + 1);
    else addHostList(list, sites);
  }
}

/** A single host name option: `host: 'db.internal'`. */
function addHost(expression: Node, sites: HostSite[]): void {
  const text = literalText(expression);
  if (text === undefined) return;
  const host = hasUrlScheme(text) ? urlHost(text) : text.trim();
  if (host !== undefined && isServiceHost(host)) sites.push({ node: unwrap(expression), host });
}

/** `'10.0.0.5:9092'`, `'a:11211,b:11211'` or a node URL: the first host it names. */
function addHostList(expression: Node, sites: HostSite[]): void {
  const text = literalText(expression);
  if (text === undefined) return;
  const first = text.split(',')[0]!.trim();
  const host = hasUrlScheme(first) ? urlHost(first) : stripPort(first);
  if (host !== undefined && isServiceHost(host)) sites.push({ node: unwrap(expression), host });
}

/** The string an option holds when it is a literal (after `const` propagation), and no environment is involved. */
function literalText(expression: Node): string | undefined {
  if (readsEnvironment(expression)) return undefined;
  const value = resolveValue(expression);
  return Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) ? value.getLiteralValue() : undefined;
}

/** The host of a URL option, unless it is a service URL (backing-services/no-hardcoded-service-url reports those). */
function urlHost(url: string): string | undefined {
  if (parseServiceUrl(url)) return undefined;
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

function stripPort(hostAndPort: string): string {
  if (hostAndPort.startsWith('[')) return hostAndPort.slice(1, hostAndPort.indexOf(']'));
  const colons = hostAndPort.split(':').length - 1;
  return colons === 1 ? hostAndPort.slice(0, hostAndPort.indexOf(':')) : hostAndPort;
}

/** A host name or IP — not empty, not a wildcard listen address, not a Unix socket path. */
function isServiceHost(host: string): boolean {
  return host !== '' && !WILDCARD_ADDRESSES.has(host) && !host.startsWith('/') && !/\s/.test(host);
}

function isNumber(expression: Node): boolean {
  return Node.isNumericLiteral(resolveValue(expression));
}
