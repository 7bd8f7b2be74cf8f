import type { IfStatement, ObjectLiteralExpression, SwitchStatement } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { isMap, isScalar, isSeq, isAlias, type Document, type Pair, type YAMLMap } from 'yaml';
import { defineDetector, UnparsableFileError, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { environmentSide, type EnvironmentSide } from '../../support/environment-side.ts';
import { envVariableName, literalValue, propertyNameOf, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { normaliseModule, requireSpecifier } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';

type ServiceKind = 'sqlite' | 'postgres' | 'mysql' | 'mssql' | 'oracle' | 'cockroachdb' | 'memory' | 'redis' | 'memcached';
type Side = EnvironmentSide;

const KIND_LABELS: Readonly<Record<ServiceKind, string>> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mssql: 'SQL Server',
  oracle: 'Oracle',
  cockroachdb: 'CockroachDB',
  memory: 'an in-process memory store',
  redis: 'Redis',
  memcached: 'Memcached',
};

/** knex `client`, Sequelize `dialect`, TypeORM `type`, Rails-style `adapter` values. MariaDB counts as MySQL (wire-compatible). */
const DATABASE_NAMES: Readonly<Record<string, ServiceKind>> = {
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  'better-sqlite3': 'sqlite',
  'sql.js': 'sqlite',
  sqljs: 'sqlite',
  pg: 'postgres',
  'pg-native': 'postgres',
  postgres: 'postgres',
  postgresql: 'postgres',
  'aurora-postgres': 'postgres',
  postgis: 'postgres',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mysql',
  'aurora-mysql': 'mysql',
  mssql: 'mssql',
  tedious: 'mssql',
  sqlserver: 'mssql',
  oracledb: 'oracle',
  oracle: 'oracle',
  cockroachdb: 'cockroachdb',
};
/** Cache and session store names, only read under store-like keys (or as a whole ternary branch). */
const STORE_NAMES: Readonly<Record<string, ServiceKind>> = {
  memory: 'memory',
  'in-memory': 'memory',
  inmemory: 'memory',
  lru: 'memory',
  'memory-cache': 'memory',
  redis: 'redis',
  ioredis: 'redis',
  memcached: 'memcached',
  memcache: 'memcached',
};
/** Client packages and what they talk to. */
const MODULE_KINDS: Readonly<Record<string, ServiceKind>> = {
  pg: 'postgres',
  'pg-native': 'postgres',
  'pg-promise': 'postgres',
  postgres: 'postgres',
  mysql: 'mysql',
  mysql2: 'mysql',
  'mysql2/promise': 'mysql',
  mariadb: 'mysql',
  sqlite3: 'sqlite',
  'better-sqlite3': 'sqlite',
  sqlite: 'sqlite',
  'sql.js': 'sqlite',
  'node:sqlite': 'sqlite',
  mssql: 'mssql',
  tedious: 'mssql',
  oracledb: 'oracle',
  redis: 'redis',
  ioredis: 'redis',
  memcached: 'memcached',
  memjs: 'memcached',
  'connect-redis': 'redis',
  'cache-manager-redis-store': 'redis',
  'cache-manager-redis-yet': 'redis',
  'cache-manager-ioredis': 'redis',
  '@keyv/redis': 'redis',
  'rate-limit-redis': 'redis',
  'lru-cache': 'memory',
  'node-cache': 'memory',
  'memory-cache': 'memory',
  memorystore: 'memory',
};
const DATABASE_KEYS = new Set(['client', 'dialect', 'type', 'adapter', 'driver']);
const STORE_KEYS = new Set(['store', 'cacheStore', 'driver', 'adapter', 'engine', 'backend']);
const URL_SCHEMES: Readonly<Record<string, ServiceKind>> = {
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mysql',
  mssql: 'mssql',
  sqlserver: 'mssql',
  redis: 'redis',
  rediss: 'redis',
  memcache: 'memcached',
  memcached: 'memcached',
};

const ENV_VARIABLES = new Set(['NODE_ENV', 'APP_ENV', 'ENVIRONMENT', 'STAGE']);
/** How many nested objects below an environment's entry are searched for its service. */
const MAX_NESTING = 2;

/** A service kind and where it was chosen (character range in the file). */
interface Choice {
  kind: ServiceKind;
  range: [number, number];
}

/** One environment's choice: `development: { client: 'sqlite3' }`, or one branch of a condition. */
interface EnvChoice {
  side: Side;
  env: string;
  choice: Choice | undefined;
}

/** The choices of one construct; `span` is the `if` chain or `switch` whose condition they share. */
type ChoiceGroup = EnvChoice[] & { span?: readonly [number, number] };

function withSpan(group: EnvChoice[], node: Node): ChoiceGroup {
  return Object.assign(group, { span: [node.getStart(), node.getEnd()] as const });
}

export default defineDetector<MessageId>({
  kinds: ['javascript', 'json', 'yaml'],
  needs: 'ts-morph',
  detect(context) {
    if (!mayChooseServices(context.text)) return;
    const groups = context.kind === 'javascript' ? scriptGroups(context) : documentGroups(context);
    const reported = new Set<number>();
    for (const group of groups) {
      // Name production itself in the message when it is among the production-side environments.
    const production = group
      .filter((entry) => entry.side === 'prod' && entry.choice)
      .sort((a, b) => Number(!/^prod/i.test(a.env)) - Number(!/^prod/i.test(b.env)));
      if (production.length === 0) continue;
      for (const entry of group) {
        if (entry.side !== 'dev' || !entry.choice || reported.has(entry.choice.range[0])) continue;
        const other = production.find((candidate) => candidate.choice!.kind !== entry.choice!.kind);
        if (!other) continue;
        reported.add(entry.choice.range[0]);
        context.report({
          range: entry.choice.range,
          ...(group.span ? { covers: group.span } : {}),
          messageId: 'different',
          data: {
            devEnv: entry.env,
            devKind: KIND_LABELS[entry.choice.kind],
            prodEnv: other.env,
            prodKind: KIND_LABELS[other.choice!.kind],
          },
        });
      }
    }
  },
});

/**
 * Words a file choosing services per environment contains: a production-side environment name
 * or an environment variable, and a service that is not PostgreSQL (two kinds differ, so at
 * least one of them is not PostgreSQL).
 */
const ENVIRONMENT_WORDS = ['prod', 'stag', 'live', 'NODE_ENV', 'APP_ENV', 'ENVIRONMENT', 'STAGE', "'env'", '"env"'];
const SERVICE_WORDS = ['sqlite', 'sql.js', 'sqljs', 'mysql', 'mariadb', 'mssql', 'sqlserver', 'tedious', 'oracle', 'cockroach', 'memory', 'lru', 'node-cache', 'redis', 'memcache'];

function mayChooseServices(text: string): boolean {
  if (!ENVIRONMENT_WORDS.some((word) => text.includes(word))) return false;
  const lower = text.toLowerCase();
  return SERVICE_WORDS.some((word) => lower.includes(word));
}

// ── Scripts ─────────────────────────────────────────────────────────────────────────────────

function scriptGroups(context: CheckContext): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  for (const object of context.ofKind(SyntaxKind.ObjectLiteralExpression)) {
    const group = environmentObject(context, object);
    if (group) groups.push(group);
  }
  for (const conditional of context.ofKind(SyntaxKind.ConditionalExpression)) {
    const test = environmentTest(conditional.getCondition(), 0);
    if (!test) continue;
    // The span lets this rule silence config/no-env-name-branching on the condition when the
    // ternary spans lines (TypeORM options chosen whole per environment).
    groups.push(
      withSpan(
        [
          { side: test.whenTrue.side, env: test.whenTrue.env, choice: expressionChoice(context, conditional.getWhenTrue(), 0) },
          { side: test.whenFalse.side, env: test.whenFalse.env, choice: expressionChoice(context, conditional.getWhenFalse(), 0) },
        ],
        conditional,
      ),
    );
  }
  for (const statement of context.ofKind(SyntaxKind.IfStatement)) {
    const parent = statement.getParent();
    if (Node.isIfStatement(parent) && parent.getElseStatement() === statement) continue;
    const group = ifChain(context, statement);
    if (group) groups.push(withSpan(group, statement));
  }
  for (const statement of context.ofKind(SyntaxKind.SwitchStatement)) {
    const group = switchOnEnvironment(context, statement);
    if (group) groups.push(withSpan(group, statement));
  }
  return groups;
}

/** `{ development: {…}, production: {…} }` (knexfile, Sequelize config, per-environment TypeORM options). */
function environmentObject(context: CheckContext, object: ObjectLiteralExpression): EnvChoice[] | undefined {
  const group: EnvChoice[] = [];
  for (const property of object.getProperties()) {
    let name: string | undefined;
    let value: Node | undefined;
    if (Node.isPropertyAssignment(property)) {
      name = propertyNameOf(property.getNameNode());
      value = property.getInitializer();
    } else if (Node.isShorthandPropertyAssignment(property)) {
      name = property.getName();
      value = property.getNameNode();
    }
    const side = environmentSide(name);
    if (!side || !value || name === undefined) continue;
    const resolved = resolveValue(value);
    const literal = literalValue(value);
    const named = typeof literal === 'string' ? stringKind(literal, undefined) : undefined;
    const choice = Node.isObjectLiteralExpression(resolved)
      ? objectChoice(context, resolved, 0)
      : named && { kind: named, range: rangeOf(unwrap(value)) };
    group.push({ side, env: name, choice });
  }
  return group.some((entry) => entry.side === 'dev') && group.some((entry) => entry.side === 'prod') ? group : undefined;
}

/** The service an options object selects: its client/dialect/type/store, a service URL, or a nested object's. */
function objectChoice(context: CheckContext, object: ObjectLiteralExpression, depth: number): Choice | undefined {
  const nested: ObjectLiteralExpression[] = [];
  const properties = object.getProperties();
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index]!;
    if (Node.isSpreadAssignment(property)) {
      const spread = resolveValue(property.getExpression());
      if (Node.isObjectLiteralExpression(spread) && depth < MAX_NESTING) nested.push(spread);
      continue;
    }
    if (!Node.isPropertyAssignment(property)) continue;
    const key = propertyNameOf(property.getNameNode());
    const initializer = property.getInitializer();
    if (key === undefined || !initializer) continue;
    const value = literalValue(initializer);
    if (typeof value === 'string') {
      const kind = stringKind(value, key);
      if (kind) return { kind, range: rangeOf(unwrap(initializer)) };
      continue;
    }
    if (STORE_KEYS.has(key)) {
      const choice = moduleChoice(context, initializer);
      if (choice) return choice;
    }
    const resolved = resolveValue(initializer);
    if (Node.isObjectLiteralExpression(resolved) && depth < MAX_NESTING) nested.push(resolved);
  }
  for (const inner of nested) {
    const choice = objectChoice(context, inner, depth + 1);
    if (choice) return choice;
  }
  return undefined;
}

/** The service a string names: a service URL anywhere, a database name under a client key, a store name under a store key. */
function stringKind(value: string, key: string | undefined): ServiceKind | undefined {
  const scheme = /^([a-z][a-z0-9]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && URL_SCHEMES[scheme] && (value.includes('://') || scheme.startsWith('sqlite'))) return URL_SCHEMES[scheme];
  const name = value.toLowerCase();
  if (key === undefined) return DATABASE_NAMES[name] ?? STORE_NAMES[name];
  if (DATABASE_KEYS.has(key) && DATABASE_NAMES[name]) return DATABASE_NAMES[name];
  if (STORE_KEYS.has(key) && STORE_NAMES[name]) return STORE_NAMES[name];
  return undefined;
}

/** `require('pg')`, `new Database(…)` from better-sqlite3, `new Redis()`: the package decides. */
function moduleChoice(context: CheckContext, node: Node): Choice | undefined {
  let current = unwrap(node);
  if (Node.isAwaitExpression(current)) current = unwrap(current.getExpression());
  if (Node.isCallExpression(current)) {
    const specifier = requireSpecifier(current) ?? dynamicImportSpecifier(current);
    if (specifier !== undefined) {
      const kind = MODULE_KINDS[normaliseModule(specifier)];
      return kind ? { kind, range: rangeOf(current.getArguments()[0]!) } : undefined;
    }
  }
  const callee = Node.isCallExpression(current) || Node.isNewExpression(current) ? current.getExpression() : current;
  if (!Node.isIdentifier(callee) && !Node.isPropertyAccessExpression(callee)) return undefined;
  // `new session.MemoryStore()`, `new MemoryStore()`: the in-process default of session and rate-limit stores.
  if (Node.isNewExpression(current) && /(?:^|\.)MemoryStore$/.test(callee.getText())) return { kind: 'memory', range: rangeOf(current) };
  const reference = moduleReference(context, callee);
  const kind = reference ? MODULE_KINDS[reference.module] : undefined;
  return kind ? { kind, range: rangeOf(callee) } : undefined;
}

/** A ternary branch or a value: a service name, an options object, a client package or a call configured with one. */
function expressionChoice(context: CheckContext, node: Node, depth: number): Choice | undefined {
  const value = unwrap(node);
  const literal = literalValue(value);
  if (typeof literal === 'string') {
    const kind = stringKind(literal, undefined);
    return kind ? { kind, range: rangeOf(value) } : undefined;
  }
  const resolved = resolveValue(value);
  if (Node.isObjectLiteralExpression(resolved)) return objectChoice(context, resolved, 0);
  const direct = moduleChoice(context, value);
  if (direct) return direct;
  let call = resolved;
  if (Node.isAwaitExpression(call)) call = unwrap(call.getExpression());
  if ((Node.isCallExpression(call) || Node.isNewExpression(call)) && depth < MAX_NESTING) {
    // `knex({ client: 'pg' })`, `new Sequelize('sqlite::memory:')`, `new DataSource({ type: 'sqlite' })`.
    for (const argument of call.getArguments()) {
      const choice = expressionChoice(context, argument, depth + 1);
      if (choice) return choice;
    }
  }
  return undefined;
}

/** The one service a block of statements chooses (an `if` branch), if it chooses exactly one. */
function blockChoice(context: CheckContext, block: Node | undefined): Choice | undefined {
  if (!block) return undefined;
  const choices: Choice[] = [];
  block.forEachDescendant((node) => {
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
      const key = keyOf(node);
      const kind = stringKind(node.getLiteralValue(), key ?? '');
      if (kind) choices.push({ kind, range: rangeOf(node) });
    } else if (Node.isCallExpression(node) || Node.isNewExpression(node)) {
      const choice = moduleChoice(context, node);
      if (choice) choices.push(choice);
    }
  });
  const kinds = new Set(choices.map((choice) => choice.kind));
  return kinds.size === 1 ? choices[0] : undefined;
}

/** The property a string is the value of: `client: 'pg'` or `config.client = 'pg'`. */
function keyOf(literal: Node): string | undefined {
  const parent = literal.getParent();
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === literal) return propertyNameOf(parent.getNameNode());
  if (Node.isBinaryExpression(parent) && parent.getRight() === literal && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const left = parent.getLeft();
    if (Node.isPropertyAccessExpression(left)) return left.getName();
  }
  return undefined;
}

interface EnvironmentTest {
  whenTrue: { side: Side; env: string };
  whenFalse: { side: Side; env: string };
}

/** `NODE_ENV === 'development'`, `process.env.APP_ENV !== 'production'`, `isProd` (a const holding one), `!isDev`. */
function environmentTest(condition: Node, depth: number): EnvironmentTest | undefined {
  const node = unwrap(condition);
  if (depth > 3) return undefined;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.ExclamationToken) {
    const inner = environmentTest(node.getOperand(), depth + 1);
    return inner && { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (Node.isIdentifier(node)) {
    const resolved = resolveValue(node);
    return resolved === node ? undefined : environmentTest(resolved, depth + 1);
  }
  if (!Node.isBinaryExpression(node)) return undefined;
  const operator = node.getOperatorToken().getKind();
  const equal = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken;
  const notEqual = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
  if (!equal && !notEqual) return undefined;
  const [left, right] = [node.getLeft(), node.getRight()];
  const name = readsEnvironmentName(left) ? literalValue(right) : readsEnvironmentName(right) ? literalValue(left) : undefined;
  if (typeof name !== 'string') return undefined;
  const side = environmentSide(name);
  if (!side || side === 'test') return undefined;
  const matching = { side, env: name };
  const other = side === 'dev' ? { side: 'prod' as const, env: 'production' } : { side: 'dev' as const, env: 'development' };
  return equal ? { whenTrue: matching, whenFalse: other } : { whenTrue: other, whenFalse: matching };
}

/** `process.env.NODE_ENV` (also `|| 'development'`), a const holding it, or Express's `app.get('env')`. */
function readsEnvironmentName(expression: Node, depth = 0): boolean {
  const node = unwrap(expression);
  const variable = envVariableName(node);
  if (variable !== undefined) return ENV_VARIABLES.has(variable);
  if (depth > 3) return false;
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    return (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) && readsEnvironmentName(node.getLeft(), depth + 1);
  }
  if (Node.isIdentifier(node)) {
    const resolved = resolveValue(node);
    return resolved !== node && readsEnvironmentName(resolved, depth + 1);
  }
  if (Node.isCallExpression(node)) {
    const callee = unwrap(node.getExpression());
    const [argument] = node.getArguments();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'get' && argument !== undefined && literalValue(argument) === 'env';
  }
  return false;
}

/** `if (dev) {…} else if (test) {…} else {…}`: each branch with the environment it runs in. */
function ifChain(context: CheckContext, statement: IfStatement): EnvChoice[] | undefined {
  const group: EnvChoice[] = [];
  let current: Node | undefined = statement;
  while (current && Node.isIfStatement(current)) {
    const test = environmentTest(current.getExpression(), 0);
    if (!test) return group.length > 0 ? closeChain(context, group, current) : undefined;
    group.push({ side: test.whenTrue.side, env: test.whenTrue.env, choice: blockChoice(context, current.getThenStatement()) });
    const otherwise: Node | undefined = current.getElseStatement();
    if (otherwise && !Node.isIfStatement(otherwise)) {
      if (group.length === 1) group.push({ side: test.whenFalse.side, env: test.whenFalse.env, choice: blockChoice(context, otherwise) });
      else closeChain(context, group, otherwise);
    }
    current = otherwise;
  }
  return group.length > 1 ? group : undefined;
}

/** The final `else` (or `default`) of a chain runs in the environments the chain did not name. */
function closeChain(context: CheckContext, group: EnvChoice[], rest: Node): EnvChoice[] {
  const named = new Set(group.map((entry) => entry.side));
  if (named.has('dev') && !named.has('prod')) group.push({ side: 'prod', env: 'production', choice: blockChoice(context, rest) });
  else if (named.has('prod') && !named.has('dev')) group.push({ side: 'dev', env: 'development', choice: blockChoice(context, rest) });
  return group;
}

/** `switch (process.env.NODE_ENV) { case 'development': …; case 'production': … }`. */
function switchOnEnvironment(context: CheckContext, statement: SwitchStatement): EnvChoice[] | undefined {
  if (!readsEnvironmentName(statement.getExpression())) return undefined;
  const group: EnvChoice[] = [];
  let fallback: Node | undefined;
  for (const clause of statement.getCaseBlock().getClauses()) {
    if (Node.isDefaultClause(clause)) {
      fallback = clause;
      continue;
    }
    const name = literalValue(clause.getExpression());
    const side = typeof name === 'string' ? environmentSide(name) : undefined;
    if (side && typeof name === 'string') group.push({ side, env: name, choice: blockChoice(context, clause) });
  }
  if (fallback) closeChain(context, group, fallback);
  return group.length > 1 ? group : undefined;
}

function rangeOf(node: Node): [number, number] {
  return [node.getStart(), node.getEnd()];
}

function dynamicImportSpecifier(call: Node): string | undefined {
  if (!Node.isCallExpression(call) || call.getExpression().getKind() !== SyntaxKind.ImportKeyword) return undefined;
  const [argument] = call.getArguments();
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}

// ── JSON and YAML (Sequelize's config/config.json, Rails-style database.yml) ──────────────────

function documentGroups(context: CheckContext): ChoiceGroup[] {
  let document: Document.Parsed;
  try {
    document = context.yaml();
  } catch (error) {
    // Not ours to judge: a templated YAML file (Helm) is reported by the rules that read YAML.
    if (error instanceof UnparsableFileError) return [];
    throw error;
  }
  const groups: EnvChoice[][] = [];
  const visit = (node: unknown, depth: number) => {
    if (!isMap(node) || depth > 3) return;
    const group = environmentMap(document, node);
    if (group) groups.push(group);
    for (const pair of node.items) visit(pair.value, depth + 1);
  };
  visit(document.contents, 0);
  return groups;
}

function environmentMap(document: Document.Parsed, map: YAMLMap): EnvChoice[] | undefined {
  const group: EnvChoice[] = [];
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const side = environmentSide(name);
    if (!side || name === undefined) continue;
    const value = isAlias(pair.value) ? pair.value.resolve(document) : pair.value;
    group.push({ side, env: name, choice: isMap(value) ? mapChoice(document, value, 0) : undefined });
  }
  return group.some((entry) => entry.side === 'dev') && group.some((entry) => entry.side === 'prod') ? group : undefined;
}

function mapChoice(document: Document.Parsed, map: YAMLMap, depth: number): Choice | undefined {
  const inherited: YAMLMap[] = [];
  const nested: YAMLMap[] = [];
  for (const pair of map.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = isAlias(pair.value) ? pair.value.resolve(document) : pair.value;
    if (key === '<<') {
      // Merge keys: `<<: *default`, or a list of aliases.
      const sources = isSeq(value) ? value.items.map((item) => (isAlias(item) ? item.resolve(document) : item)) : [value];
      for (const source of sources) if (isMap(source)) inherited.push(source);
      continue;
    }
    if (key === undefined) continue;
    if (isScalar(value) && typeof value.value === 'string' && value.range) {
      const kind = stringKind(value.value, key);
      if (kind) return { kind, range: [value.range[0], value.range[1]] };
    } else if (isMap(value) && depth < MAX_NESTING) nested.push(value);
  }
  for (const source of [...inherited, ...nested]) {
    const choice = mapChoice(document, source, depth + 1);
    if (choice) return choice;
  }
  return undefined;
}
