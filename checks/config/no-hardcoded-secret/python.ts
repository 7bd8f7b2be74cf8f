import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { dictionaryEntries } from '../../../src/languages/python/dictionary-entries.ts';
import { isDjangoSettingsModule } from '../../../src/languages/python/django-settings-module.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { pydanticSettingsFields } from '../../../src/languages/python/pydantic-settings-fields.ts';
import { argument, calleeName, dottedName, keywordArgument, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import { maskSecret } from '../../secrets/support/secret-kind.ts';
import { isLocalRunCode } from '../../support/python-entry-points.ts';
import type { MessageId } from './index.ts';

/** Where a call takes its secret: by keyword, and by position when it takes it positionally. */
interface SecretArgument {
  keywords: readonly string[];
  index?: number;
}

const PASSWORD: SecretArgument = { keywords: ['password'] };
const REDIS_PASSWORD: SecretArgument = { keywords: ['password'], index: 3 };
const SERIALIZER_KEY: SecretArgument = { keywords: ['secret_key'], index: 0 };

/** Calls that take a secret, by qualified callee. */
const SECRET_CALLS: Readonly<Record<string, SecretArgument>> = {
  'psycopg.connect': PASSWORD,
  'psycopg2.connect': PASSWORD,
  'pymysql.connect': { keywords: ['password', 'passwd'] },
  'redis.Redis': REDIS_PASSWORD,
  'redis.StrictRedis': REDIS_PASSWORD,
  'redis.client.Redis': REDIS_PASSWORD,
  'redis.asyncio.Redis': REDIS_PASSWORD,
  'jwt.encode': { keywords: ['key'], index: 1 },
  'itsdangerous.Signer': SERIALIZER_KEY,
  'itsdangerous.TimestampSigner': SERIALIZER_KEY,
  'itsdangerous.Serializer': SERIALIZER_KEY,
  'itsdangerous.TimedSerializer': SERIALIZER_KEY,
  'itsdangerous.URLSafeSerializer': SERIALIZER_KEY,
  'itsdangerous.URLSafeTimedSerializer': SERIALIZER_KEY,
  'itsdangerous.url_safe.URLSafeSerializer': SERIALIZER_KEY,
  'itsdangerous.url_safe.URLSafeTimedSerializer': SERIALIZER_KEY,
};

/** Objects whose `secret_key` and `config["SECRET_KEY"]` sign the sessions. */
const APPLICATION_CLASSES = new Set(['flask.Flask', 'quart.Quart']);
const APPLICATION_NAMES = new Set(['app', 'application']);
/** Flask config methods taking settings as keywords. */
const CONFIG_METHODS = new Set(['update', 'from_mapping']);
/** A config class for the test suite (`TestingConfig`): test configuration, exempt like test code. */
const TEST_CONFIG_CLASS = /^Test(?:ing)?(?:Config|Settings)$|^(?:Config|Settings)Test(?:ing)?$/;

/** A secret literal and the API it is handed to. */
interface SecretSite {
  literal: Node;
  api: string;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/secret|password|passwd|jwt|itsdangerous/i.test(context.text)) return;
    const module = pythonModule(context);
    const sites = [...callSites(module), ...secretKeySettings(context, module), ...applicationSecretKeys(module), ...djangoDatabasePasswords(context, module)];
    const reportedLines = new Set<number>();
    for (const { literal, api } of sites.sort((a, b) => a.literal.startIndex - b.literal.startIndex)) {
      const line = literal.startPosition.row;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      const local = isLocalRunCode(context, context.path, module, literal);
      context.report({
        range: [literal.startIndex, literal.endIndex],
        messageId: 'literalPython',
        data: { api, preview: maskSecret(stringValue(literal) ?? '') },
        ...(local ? { severity: 'notice' as const } : {}),
      });
    }
  },
});

function callSites(module: PythonModule): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const call of module.calls) {
    const callee = calleeName(module, call);
    const spec = callee === undefined ? undefined : SECRET_CALLS[callee];
    if (!spec) continue;
    for (const keyword of spec.keywords) {
      const given = spec.index === undefined ? keywordArgument(call, keyword) : argument(call, spec.index, keyword);
      if (given) sites.push(...secretLiterals(module, given).map((literal) => ({ literal, api: `${callee}() ${keyword}` })));
    }
  }
  return sites;
}

/**
 * `SECRET_KEY = "…"` at module level of a settings or config module, and in config classes
 * (`class ProductionConfig: SECRET_KEY = "…"`). Fields of pydantic-settings classes read the
 * environment: their defaults are config/no-critical-fallback's.
 */
function secretKeySettings(context: CheckContext, module: PythonModule): SecretSite[] {
  const settingsFields = new Set(pydanticSettingsFields(module).map((field) => field.node.id));
  const configModule = isConfigModule(context.path) || isDjangoSettingsModule(context.path, module);
  const sites: SecretSite[] = [];
  for (const assignment of nodesOfType(module, 'assignment')) {
    if (!assignment || assignment.childForFieldName('left')?.text !== 'SECRET_KEY' || settingsFields.has(assignment.id)) continue;
    const value = assignment.childForFieldName('right');
    const holder = assignment.parent?.parent;
    const atModuleLevel = holder?.type === 'module' && configModule;
    const inConfigClass = holder?.type === 'block' && holder.parent?.type === 'class_definition' && !isTestConfigClass(holder.parent);
    if (value && (atModuleLevel || inConfigClass)) sites.push(...secretLiterals(module, value).map((literal) => ({ literal, api: 'SECRET_KEY' })));
  }
  return sites;
}

/** `settings.py`, `config.py`, `app_config.py`, `settings_base.py`, a module of a `config/` or `settings/` package. */
function isConfigModule(filePath: string): boolean {
  const segments = filePath.split('/');
  const stem = segments.at(-1)!.replace(/\.py$/, '');
  const folder = segments.at(-2);
  return /^(?:config|settings)(?:_\w+)?$|_(?:config|settings)$/.test(stem) || folder === 'config' || folder === 'settings';
}

function isTestConfigClass(definition: Node): boolean {
  return TEST_CONFIG_CLASS.test(definition.childForFieldName('name')?.text ?? '');
}

/** `app.secret_key = "…"`, `app.config["SECRET_KEY"] = "…"`, `app.config.update(SECRET_KEY="…")`. */
function applicationSecretKeys(module: PythonModule): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const assignment of nodesOfType(module, 'assignment')) {
    const target = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (!target || !value) continue;
    if (target.type === 'attribute' && target.childForFieldName('attribute')?.text === 'secret_key' && isApplication(module, target.childForFieldName('object'))) {
      sites.push(...secretLiterals(module, value).map((literal) => ({ literal, api: target.text })));
    } else if (target.type === 'subscript' && stringValue(target.childForFieldName('subscript')) === 'SECRET_KEY' && isApplicationConfig(module, target.childForFieldName('value'))) {
      sites.push(...secretLiterals(module, value).map((literal) => ({ literal, api: target.text })));
    }
  }
  for (const call of module.calls) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute' || !CONFIG_METHODS.has(callee.childForFieldName('attribute')?.text ?? '')) continue;
    if (!isApplicationConfig(module, callee.childForFieldName('object'))) continue;
    const given = keywordArgument(call, 'SECRET_KEY');
    if (given) sites.push(...secretLiterals(module, given).map((literal) => ({ literal, api: `${callee.text}(SECRET_KEY=…)` })));
  }
  return sites;
}

/** `app.config`. */
function isApplicationConfig(module: PythonModule, node: Node | null): boolean {
  return node?.type === 'attribute' && node.childForFieldName('attribute')?.text === 'config' && isApplication(module, node.childForFieldName('object'));
}

/** `app`, `application`, or a module-level name bound to `Flask(…)`/`Quart(…)`. */
function isApplication(module: PythonModule, node: Node | null): boolean {
  const name = dottedName(node);
  if (name === undefined || name.includes('.')) return false;
  const value = module.constants.get(name);
  if (value?.type === 'call') return APPLICATION_CLASSES.has(calleeName(module, value) ?? '');
  return APPLICATION_NAMES.has(name) && !module.imports.has(name);
}

/** Django's `DATABASES[alias]["PASSWORD"]`. */
function djangoDatabasePasswords(context: CheckContext, module: PythonModule): SecretSite[] {
  const databases = module.constants.get('DATABASES');
  if (!databases || !isDjangoSettingsModule(context.path, module)) return [];
  const sites: SecretSite[] = [];
  for (const [alias, { value }] of dictionaryEntries(resolveValue(module, databases))) {
    const password = dictionaryEntries(resolveValue(module, value)).get('PASSWORD');
    if (password) sites.push(...secretLiterals(module, password.value).map((literal) => ({ literal, api: `DATABASES["${alias}"]["PASSWORD"]` })));
  }
  return sites;
}

/**
 * The non-empty string literals an expression hands over, through module-level names: the
 * literal itself, or each key of a rotation list. Nothing when the environment is read anywhere
 * on the way (an env read, or a fallback, which config/no-critical-fallback reports).
 */
function secretLiterals(module: PythonModule, expression: Node): Node[] {
  if (readsEnvironment(module, expression)) return [];
  const value = resolveValue(module, expression);
  if (value.type === 'list' || value.type === 'tuple') {
    return value.namedChildren.filter((item): item is Node => item !== null).flatMap((item) => secretLiterals(module, item));
  }
  const text = stringValue(value);
  return text !== undefined && text.trim() !== '' ? [value] : [];
}
