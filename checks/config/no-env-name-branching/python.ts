import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { environmentNameRead } from '../../../src/languages/python/environment-name-read.ts';
import { environmentTest } from '../../../src/languages/python/environment-test.ts';
import { environmentSide } from '../../support/environment-side.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { calleeName, dottedName, lastPart, positionalArguments, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import { hasUrlScheme } from '../../support/service-url.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import type { MessageId } from './index.ts';

/** Settings of a backing service or credentials, by exact (lower-cased) name. */
const SERVICE_KEYS = new Set(['databases', 'caches', 'engine', 'connection', 'servers', 'brokers', 'bootstrap_servers', 'nodes', 'bucket', 'credentials', 'api_key', 'access_key_id', 'secret_access_key']);
/** …and by a name's last word (`SQLALCHEMY_DATABASE_URI`, `redisHost`, `db_password`). */
const SERVICE_KEY_SUFFIXES = new Set(['url', 'uri', 'host', 'hostname', 'password', 'passwd', 'endpoint', 'dsn', 'broker', 'backend']);
/**
 * …and options of a backing service, by any word naming the service or its connections
 * (`broker_pool_limit`, `worker_prefetch_multiplier`, `DB_POOL_SIZE`): per-environment tuning
 * of a service belongs in its own variable. Caches are left out: static-file caching is not one.
 */
const SERVICE_OPTION_WORDS = new Set(['broker', 'pool', 'prefetch', 'database', 'db', 'redis', 'queue', 'connections', 'amqp', 'kafka', 'mongo', 'postgres', 'mysql']);
/** Settings holding hosts and origins the app accepts, not services it uses (a debug toolbar's INTERNAL_IPS). */
const ACCEPTED_ADDRESS_SETTINGS = new Set(['INTERNAL_IPS', 'ALLOWED_HOSTS', 'CSRF_TRUSTED_ORIGINS', 'CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST']);
/** Listen addresses: choosing them per environment is not choosing a service. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;
/** A config class by its name: `ProductionConfig`, `DevSettings`. */
const CONFIG_CLASS = /^[A-Z][A-Za-z0-9]*(?:Config|Settings|Configuration)$/;
/** Holders that, indexed by the environment name, hold per-environment config. */
const CONFIG_HOLDER = /config|settings|database|connection|^db/i;
/** Calls loading config from a module, object or file named by their argument. */
const CONFIG_LOADERS = new Set(['from_object', 'from_pyfile', 'from_file', 'import_module', '__import__', 'run_path']);
/** Calls that build a name from parts: `"{}.settings".format(env)`, `".".join(parts)`, `os.path.join(…)`. */
const NAME_BUILDERS = new Set(['format', 'join']);
/** Calls whose string arguments are messages, never settings. */
const MESSAGE_CALLS = new Set(['print', 'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log']);

interface Candidate {
  construct: Node;
  /** Where the finding sits: the condition, subject, subscript or module name. */
  at: Node;
  variable: string;
  branches: readonly Node[];
  /** Set when the construct picks config by name without showing its branches (`configs[ENV]`). */
  chosenByName?: boolean;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/ENV|STAGE/i.test(context.text) || isToolingPath(context.path)) return;
    const module = pythonModule(context);
    const candidates = [...conditionals(module), ...matches(module), ...lookups(module), ...loaders(module)].sort((a, b) => a.construct.startIndex - b.construct.startIndex);
    let reportedEnd = -1;
    for (const candidate of candidates) {
      if (candidate.construct.startIndex < reportedEnd) continue;
      const choice = candidate.chosenByName ? 'configClass' : chosenSettings(module, candidate.branches);
      if (!choice) continue;
      reportedEnd = candidate.construct.endIndex;
      context.report({ range: [candidate.at.startIndex, candidate.at.endIndex], messageId: choice, data: { variable: candidate.variable } });
    }
  },
});

/** `if`/`elif` chains and ternaries testing the environment name. */
function conditionals(module: PythonModule): Candidate[] {
  const candidates: Candidate[] = [];
  for (const statement of nodesOfType(module, 'if_statement')) {
    if (!statement) continue;
    const clauses = [statement, ...statement.childrenForFieldName('alternative').filter((clause): clause is Node => clause !== null)];
    const tested = clauses.map((clause) => clause.childForFieldName('condition')).find((condition) => condition && environmentTest(module, condition));
    if (!tested) continue;
    const branches = clauses.map((clause) => clause.childForFieldName(clause.type === 'else_clause' ? 'body' : 'consequence')).filter((body): body is Node => body !== null);
    candidates.push({ construct: statement, at: tested, variable: environmentTest(module, tested)!.variable, branches });
  }
  for (const conditional of nodesOfType(module, 'conditional_expression')) {
    const [whenTrue, condition, whenFalse] = conditional?.namedChildren ?? [];
    const test = condition && environmentTest(module, condition);
    if (conditional && test && whenTrue && whenFalse) candidates.push({ construct: conditional, at: condition, variable: test.variable, branches: [whenTrue, whenFalse] });
  }
  return candidates;
}

/** `match ENV:` with environment names among its cases. */
function matches(module: PythonModule): Candidate[] {
  const candidates: Candidate[] = [];
  for (const statement of nodesOfType(module, 'match_statement')) {
    const subject = statement?.childForFieldName('subject');
    const variable = subject ? environmentNameRead(module, subject) : undefined;
    if (!statement || !subject || variable === undefined) continue;
    const cases = statement.childForFieldName('body')?.namedChildren.filter((clause): clause is Node => clause?.type === 'case_clause') ?? [];
    const namesEnvironment = cases.some((clause) => clause.descendantsOfType('string').some((pattern) => environmentSide(stringValue(pattern)) !== undefined));
    if (!namesEnvironment) continue;
    const branches = cases.map((clause) => clause.childForFieldName('consequence')).filter((body): body is Node => body !== null);
    candidates.push({ construct: statement, at: subject, variable, branches });
  }
  return candidates;
}

/** `configs[os.environ["FLASK_ENV"]]`, `config_by_name.get(ENV)`: a holder indexed by the environment name. */
function lookups(module: PythonModule): Candidate[] {
  const candidates: Candidate[] = [];
  for (const subscript of nodesOfType(module, 'subscript')) {
    const key = subscript?.childForFieldName('subscript');
    const holder = subscript?.childForFieldName('value');
    if (subscript && key && holder) candidates.push(...lookup(module, subscript, holder, key));
  }
  for (const call of module.calls) {
    const callee = call.childForFieldName('function');
    const [key] = positionalArguments(call);
    const holder = callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'get' ? callee.childForFieldName('object') : null;
    if (holder && key) candidates.push(...lookup(module, call, holder, key));
  }
  return candidates;
}

function lookup(module: PythonModule, construct: Node, holder: Node, key: Node): Candidate[] {
  const variable = environmentNameRead(module, key);
  if (variable === undefined) return [];
  const table = resolveValue(module, holder);
  if (table.type === 'dictionary') {
    const entries = table.namedChildren.filter((pair): pair is Node => pair?.type === 'pair');
    if (!entries.some((pair) => environmentSide(stringValue(pair.childForFieldName('key'))) !== undefined)) return [];
    const values = entries.map((pair) => pair.childForFieldName('value')).filter((value): value is Node => value !== null);
    return [{ construct, at: construct, variable, branches: values.map((value) => resolveValue(module, value)) }];
  }
  const name = lastPart(dottedName(table));
  return name !== undefined && CONFIG_HOLDER.test(name) ? [{ construct, at: construct, variable, branches: [], chosenByName: true }] : [];
}

/** `app.config.from_object(f"cfg.{ENV}Config")`, `import_module("settings." + ENV)`. */
function loaders(module: PythonModule): Candidate[] {
  const candidates: Candidate[] = [];
  for (const call of module.calls) {
    if (!CONFIG_LOADERS.has(lastPart(calleeName(module, call)) ?? '')) continue;
    const [name] = positionalArguments(call);
    const variable = name && moduleNameVariable(module, name);
    if (name && variable !== undefined) candidates.push({ construct: call, at: name, variable, branches: [], chosenByName: true });
  }
  return candidates;
}

/** How deep a module name's building blocks are searched (`".".join(["settings", ENV])`). */
const MAX_NAME_DEPTH = 4;

/**
 * The environment-name variable a module, object or file name is built from: an f-string field,
 * an operand of `+` or `%`, an argument of `.format()`, `.join()` or `os.path.join()`.
 */
function moduleNameVariable(module: PythonModule, name: Node, depth = 0): string | undefined {
  if (depth > MAX_NAME_DEPTH) return undefined;
  let parts: (Node | null | undefined)[];
  if (name.type === 'string') parts = name.namedChildren.filter((part) => part?.type === 'interpolation').map((part) => part?.namedChildren[0]);
  else if (name.type === 'binary_operator') parts = [name.childForFieldName('left'), name.childForFieldName('right')];
  else if (name.type === 'list' || name.type === 'tuple') parts = name.namedChildren;
  else if (name.type === 'call' && NAME_BUILDERS.has(name.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '')) {
    parts = [name.childForFieldName('function')?.childForFieldName('object'), ...(name.childForFieldName('arguments')?.namedChildren ?? [])];
  } else return environmentNameRead(module, name);
  for (const part of parts) {
    const variable = part ? moduleNameVariable(module, part, depth + 1) : undefined;
    if (variable !== undefined) return variable;
  }
  return undefined;
}

/**
 * Whether the branches choose service settings (URLs, hosts, credentials, connection options) or
 * a config class — unless one of them is a wildcard listen address: then they choose where the
 * app itself listens.
 */
function chosenSettings(module: PythonModule, branches: readonly Node[]): MessageId | undefined {
  let found: MessageId | undefined;
  let listenAddress = false;
  const visit = (node: Node): void => {
    if (listenAddress) return;
    if (node.type === 'string') {
      const value = stringValue(node)?.trim();
      if (value !== undefined && WILDCARD_ADDRESSES.has(value)) listenAddress = true;
      else if (!found && value !== undefined && (hasUrlScheme(value) || value === 'localhost' || IPV4.test(value)) && isSettingValue(node)) found = 'branch';
      return;
    }
    if (!found) found = nodeChoice(module, node);
    for (const child of node.namedChildren) if (child) visit(child);
  };
  for (const branch of branches) visit(branch);
  return listenAddress ? undefined : found;
}

/** A setting named after a service, or a reference to a config class. */
function nodeChoice(module: PythonModule, node: Node): MessageId | undefined {
  if (node.type === 'assignment') {
    const target = node.childForFieldName('left');
    const name = target?.type === 'subscript' ? stringValue(target.childForFieldName('subscript')) : lastPart(dottedName(target));
    return isServiceKey(name) ? 'branch' : undefined;
  }
  if (node.type === 'pair') return isServiceKey(stringValue(node.childForFieldName('key'))) ? 'branch' : undefined;
  if (node.type === 'keyword_argument') return isServiceKey(node.childForFieldName('name')?.text) ? 'branch' : undefined;
  if ((node.type === 'identifier' || node.type === 'attribute') && node.parent?.type !== 'attribute') {
    const name = lastPart(dottedName(node));
    return name !== undefined && CONFIG_CLASS.test(name) && !isImportedNonConfig(module, name) ? 'configClass' : undefined;
  }
  return undefined;
}

/** `BaseSettings` and other library classes are not the app's config classes. */
function isImportedNonConfig(module: PythonModule, name: string): boolean {
  const qualified = module.imports.get(name);
  return qualified !== undefined && /^(?:pydantic|pydantic_settings|django|flask)\b/.test(qualified);
}

function isServiceKey(name: string | undefined): boolean {
  if (name === undefined) return false;
  if (SERVICE_KEYS.has(name.toLowerCase())) return true;
  const words = name.split(/_|(?<=[a-z0-9])(?=[A-Z])/).filter((word) => word !== '').map((word) => word.toLowerCase());
  return SERVICE_KEY_SUFFIXES.has(words.at(-1) ?? '') || words.some((word) => SERVICE_OPTION_WORDS.has(word));
}

/** A string handed over as a value: not a comparison operand, a dict key, a message or an accepted-address list. */
function isSettingValue(literal: Node): boolean {
  const parent = literal.parent;
  if (!parent || parent.type === 'comparison_operator' || parent.type === 'expression_statement') return false;
  if (parent.type === 'pair' && parent.childForFieldName('key')?.id === literal.id) return false;
  for (let current: Node | null = parent; current && current.type !== 'block' && current.type !== 'module'; current = current.parent) {
    if (current.type === 'call' && MESSAGE_CALLS.has(lastPart(dottedName(current.childForFieldName('function'))) ?? '')) return false;
    if (current.type === 'raise_statement') return false;
    if (current.type === 'assignment') {
      const target = lastPart(dottedName(current.childForFieldName('left')));
      if (target !== undefined && ACCEPTED_ADDRESS_SETTINGS.has(target)) return false;
    }
  }
  return true;
}
