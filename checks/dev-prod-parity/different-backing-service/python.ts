import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import type { Severity } from '../../../src/engine/finding.ts';
import { envRead } from '../../../src/languages/python/environment.ts';
import { environmentTest, type EnvironmentBranch, type EnvironmentTest } from '../../../src/languages/python/environment-test.ts';
import { environmentSide } from '../../support/environment-side.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { dottedName, lastPart, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** What a service choice is about: two choices differ only within one category. */
type Category = 'database' | 'cache' | 'email' | 'storage' | 'tasks';

/** A kind of service and where a branch chose it. */
interface Choice {
  category: Category;
  label: string;
  node: Node;
}

interface EnvChoices {
  branch: EnvironmentBranch;
  choices: readonly Choice[];
}

/** Databases are the rule's warning; the other categories are notices (RULES-python.md X). */
const NOTICE_CATEGORIES: ReadonlySet<Category> = new Set(['cache', 'email', 'storage', 'tasks']);

const DATABASE_LABELS: Readonly<Record<string, string>> = {
  sqlite: 'SQLite',
  sqlite3: 'SQLite',
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  postgresql_psycopg2: 'PostgreSQL',
  postgis: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MySQL',
  oracle: 'Oracle',
  mssql: 'SQL Server',
};

/** Django cache, email and storage backends, and Flask-Caching CACHE_TYPE values, by their last dotted parts. */
const BACKENDS: readonly [RegExp, Category, string][] = [
  [/\.db\.backends\.(\w+)$/, 'database', ''],
  [/(?:^|\.)(?:locmem\.LocMemCache|SimpleCache|simple)$/, 'cache', 'an in-process memory cache'],
  [/(?:^|\.)(?:redis\.RedisCache|django_redis\.cache\.RedisCache|RedisCache|redis)$/, 'cache', 'Redis'],
  [/(?:^|\.)(?:memcached\.\w+|MemcachedCache|memcached)$/, 'cache', 'Memcached'],
  [/\.mail\.backends\.(?:console|locmem|filebased|dummy)\.EmailBackend$/, 'email', 'a local email backend that sends nothing'],
  [/\.mail\.backends\.smtp\.EmailBackend$/, 'email', 'SMTP'],
  [/(?:^|\.)FileSystemStorage$/, 'storage', 'local file storage'],
  [/^storages\.backends\.\w+\.\w+Storage$/, 'storage', 'object storage'],
];
const EAGER_SETTINGS = new Set(['CELERY_TASK_ALWAYS_EAGER', 'CELERY_ALWAYS_EAGER', 'task_always_eager']);
const EAGER = 'eager in-process Celery tasks';
const BROKER = 'a Celery broker';

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/sqlite|backends|Storage|CACHE_TYPE|EAGER|eager|mysql/i.test(context.text)) return;
    const module = pythonModule(context);
    const reported = new Set<number>();
    for (const { group, span } of switches(module)) {
      const production = group.filter((entry) => entry.branch.side === 'prod');
      for (const entry of group) {
        if (entry.branch.side !== 'dev') continue;
        for (const choice of entry.choices) {
          const other = production.flatMap((prod) => prod.choices.filter((candidate) => candidate.category === choice.category && candidate.label !== choice.label).map((candidate) => ({ env: prod.branch.env, candidate })))[0];
          if (!other || reported.has(choice.node.startIndex)) continue;
          reported.add(choice.node.startIndex);
          const severity: Severity | undefined = NOTICE_CATEGORIES.has(choice.category) ? 'notice' : undefined;
          context.report({
            range: [choice.node.startIndex, choice.node.endIndex],
            covers: span,
            messageId: 'different',
            data: { devEnv: entry.branch.env, devKind: choice.label, prodEnv: other.env, prodKind: other.candidate.label },
            ...(severity ? { severity } : {}),
          });
        }
      }
    }
  },
});

/** Every switch on DEBUG or the environment name, with what each side chooses. */
function switches(module: PythonModule): { group: EnvChoices[]; span: readonly [number, number] }[] {
  const found: { group: EnvChoices[]; span: readonly [number, number] }[] = [];
  for (const statement of nodesOfType(module, 'if_statement')) {
    const group = statement && ifChain(module, statement);
    if (statement && group) found.push({ group, span: [statement.startIndex, statement.endIndex] });
  }
  for (const conditional of nodesOfType(module, 'conditional_expression')) {
    const [whenTrue, condition, whenFalse] = conditional?.namedChildren ?? [];
    const test = condition && switchTest(module, condition);
    if (!conditional || !test || !whenTrue || !whenFalse) continue;
    const group = [
      { branch: test.whenTrue, choices: choicesIn(module, resolveValue(module, whenTrue)) },
      { branch: test.whenFalse, choices: choicesIn(module, resolveValue(module, whenFalse)) },
    ];
    found.push({ group, span: [conditional.startIndex, conditional.endIndex] });
  }
  for (const dictionary of nodesOfType(module, 'dictionary')) {
    const group: EnvChoices[] = [];
    for (const pair of dictionary?.namedChildren ?? []) {
      const env = pair?.type === 'pair' ? stringValue(pair.childForFieldName('key')) : undefined;
      const side = environmentSide(env);
      const value = pair?.childForFieldName('value');
      if (side && env !== undefined && value) group.push({ branch: { side, env }, choices: choicesIn(module, resolveValue(module, value)) });
    }
    if (dictionary && group.length > 1) found.push({ group, span: [dictionary.startIndex, dictionary.endIndex] });
  }
  // `CELERY_TASK_ALWAYS_EAGER = DEBUG`: tasks run in process exactly when debugging.
  for (const assignment of nodesOfType(module, 'assignment')) {
    const name = lastPart(dottedName(assignment?.childForFieldName('left')));
    const value = assignment?.childForFieldName('right');
    if (!assignment || !value || name === undefined || !EAGER_SETTINGS.has(name) || !isDebugFlag(value)) continue;
    const group = [
      { branch: { side: 'dev' as const, env: 'development (DEBUG on)' }, choices: [{ category: 'tasks' as const, label: EAGER, node: assignment }] },
      { branch: { side: 'prod' as const, env: 'production (DEBUG off)' }, choices: [{ category: 'tasks' as const, label: BROKER, node: assignment }] },
    ];
    found.push({ group, span: [assignment.startIndex, assignment.endIndex] });
  }
  return found;
}

/** `if DEBUG: … elif …: … else: …`, each branch with the environment it runs in. */
function ifChain(module: PythonModule, statement: Node): EnvChoices[] | undefined {
  const group: EnvChoices[] = [];
  const tests: EnvironmentTest[] = [];
  for (const clause of [statement, ...statement.childrenForFieldName('alternative')]) {
    if (!clause) continue;
    if (clause.type === 'else_clause') {
      const body = clause.childForFieldName('body');
      if (body) group.push(...elseBranch(group, tests, choicesIn(module, body)));
      break;
    }
    const condition = clause.childForFieldName('condition');
    const test = condition ? switchTest(module, condition) : undefined;
    const body = clause.childForFieldName('consequence');
    if (!test || !body) break;
    tests.push(test);
    group.push({ branch: test.whenTrue, choices: choicesIn(module, body) });
  }
  return group.length > 1 ? group : undefined;
}

/** The final `else` runs where the one test fails, or in the side the chain did not name. */
function elseBranch(group: readonly EnvChoices[], tests: readonly EnvironmentTest[], choices: Choice[]): EnvChoices[] {
  if (tests.length === 1) return [{ branch: tests[0]!.whenFalse, choices }];
  const sides = new Set(group.map((entry) => entry.branch.side));
  if (sides.has('dev') && !sides.has('prod')) return [{ branch: { side: 'prod', env: 'production' }, choices }];
  if (sides.has('prod') && !sides.has('dev')) return [{ branch: { side: 'dev', env: 'development' }, choices }];
  return [];
}

/** A test on the environment name, or on DEBUG (on: development's side). */
function switchTest(module: PythonModule, condition: Node): EnvironmentTest | undefined {
  const environment = environmentTest(module, condition);
  if (environment) return environment;
  let node = condition;
  let negated = false;
  for (;;) {
    const argument = node.type === 'not_operator' ? node.childForFieldName('argument') : null;
    if (argument) negated = !negated;
    const inner = argument ?? (node.type === 'parenthesized_expression' && node.namedChildCount === 1 ? node.namedChild(0) : null);
    if (!inner) break;
    node = inner;
  }
  if (!isDebugFlag(node)) return undefined;
  const on: EnvironmentBranch = { side: 'dev', env: 'development (DEBUG on)' };
  const off: EnvironmentBranch = { side: 'prod', env: 'production (DEBUG off)' };
  return negated ? { variable: 'DEBUG', whenTrue: off, whenFalse: on } : { variable: 'DEBUG', whenTrue: on, whenFalse: off };
}

/** `DEBUG`, `settings.DEBUG`, `app.debug`, `app.config["DEBUG"]`. */
function isDebugFlag(node: Node): boolean {
  if (node.type === 'identifier') return node.text === 'DEBUG';
  if (node.type === 'attribute') return /^(?:DEBUG|debug)$/.test(node.childForFieldName('attribute')?.text ?? '');
  return node.type === 'subscript' && stringValue(node.childForFieldName('subscript')) === 'DEBUG';
}

/**
 * The services a branch chooses, at most one per category: a branch naming two kinds of one
 * category (a primary and a replica of different kinds) chooses none of it. Values read from
 * the environment (a fallback included) are no side's choice.
 */
function choicesIn(module: PythonModule, branch: Node): Choice[] {
  const found: Choice[] = [];
  const visit = (node: Node): void => {
    if (envRead(module, node)) return;
    const choice = node.type === 'string' ? stringChoice(node) : node.type === 'assignment' ? eagerChoice(node) : undefined;
    if (choice) found.push(choice);
    if (node.type !== 'string') for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(branch);
  const byCategory = new Map<Category, Choice[]>();
  for (const choice of found) byCategory.set(choice.category, [...(byCategory.get(choice.category) ?? []), choice]);
  return [...byCategory.values()].filter((choices) => new Set(choices.map((choice) => choice.label)).size === 1).map((choices) => choices[0]!);
}

function stringChoice(literal: Node): Choice | undefined {
  const value = stringValue(literal)?.trim();
  if (value === undefined) return undefined;
  const scheme = /^([a-z][a-z0-9]*)(?:\+[a-z0-9_]+)?:(?:\/\/|$)/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && DATABASE_LABELS[scheme]) return { category: 'database', label: DATABASE_LABELS[scheme], node: literal };
  for (const [pattern, category, label] of BACKENDS) {
    const match = pattern.exec(value);
    if (!match) continue;
    if (category !== 'database') return { category, label, node: literal };
    const database = DATABASE_LABELS[match[1]!];
    return database ? { category, label: database, node: literal } : undefined;
  }
  return undefined;
}

/** `CELERY_TASK_ALWAYS_EAGER = True` (eager) or `= False` (the broker). */
function eagerChoice(assignment: Node): Choice | undefined {
  const name = lastPart(dottedName(assignment.childForFieldName('left')));
  const value = assignment.childForFieldName('right')?.type;
  if (name === undefined || !EAGER_SETTINGS.has(name) || (value !== 'true' && value !== 'false')) return undefined;
  return { category: 'tasks', label: value === 'true' ? EAGER : BROKER, node: assignment };
}
