import type { CallExpression, ts } from 'ts-morph';
import { Node, SyntaxKind, typescript } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { requireSpecifier } from '../../../src/languages/javascript/imports.ts';
import { readsEnvVariable } from '../../../src/languages/javascript/reads-env-variable.ts';
import { hasUrlScheme } from '../../support/service-url.ts';
import { isToolingPath } from '../../support/tooling-path.ts';

/** Variables that name the deploy rather than configure it (RULES.md III). */
const ENV_NAME_VARIABLES: ReadonlySet<string> = new Set(['NODE_ENV', 'APP_ENV', 'ENVIRONMENT', 'STAGE']);

/** Settings of a backing service or credentials, by exact (lower-cased) key. */
const SERVICE_KEYS = new Set([
  'connection', 'connectionstring', 'servers', 'brokers', 'nodes', 'bucket', 'credentials', 'apikey', 'accesskeyid',
  'secretaccesskey',
]);
/**
 * Keys too common to decide alone (`req.user = …`, `{ db: 0 }`): they count in an object that
 * also has another connection option, `{ database: 'app', user: 'app' }`.
 */
const CONNECTION_OPTION_KEYS = new Set(['user', 'username', 'database', 'db', 'port', 'dialect', 'client', 'schema', 'ssl']);
/** Listen addresses: choosing them per environment is not choosing a service. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
/** …and by the last word of a camelCase or snake_case key (`databaseUrl`, `redis_host`, `dbPassword`). */
const SERVICE_KEY_SUFFIXES = ['url', 'uri', 'host', 'hostname', 'password', 'passwd', 'endpoint', 'dsn'];

/** Names of objects that, indexed by the environment name, hold per-environment connection settings. */
const CONFIG_HOLDER = /config|knexfile|database|datasource|connection|settings|ormconfig|sequelize|^db/i;

const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;

interface Candidate {
  /** The whole construct: nested constructs inside a reported one are not reported again. */
  construct: Node;
  condition: Node;
  branches: readonly Node[];
  /** An object indexed by the environment name that is not defined in this file. */
  opaqueHolder?: Node;
  /** `require(…)`/`import(…)` of a module whose path is built from the environment name: it holds one group of settings. */
  moduleLoad?: boolean;
}

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const variable = [...ENV_NAME_VARIABLES].find((name) => context.text.includes(name));
    if (variable === undefined || isToolingPath(context.path)) return;
    const candidates: Candidate[] = [];
    for (const statement of context.ofKind(SyntaxKind.IfStatement)) {
      const branches = [statement.getThenStatement(), statement.getElseStatement()].filter((branch) => branch !== undefined);
      candidates.push({ construct: statement, condition: statement.getExpression(), branches });
    }
    for (const statement of context.ofKind(SyntaxKind.SwitchStatement)) {
      candidates.push({ construct: statement, condition: statement.getExpression(), branches: statement.getClauses() });
    }
    for (const conditional of context.ofKind(SyntaxKind.ConditionalExpression)) {
      candidates.push({ construct: conditional, condition: conditional.getCondition(), branches: [conditional.getWhenTrue(), conditional.getWhenFalse()] });
    }
    for (const access of context.ofKind(SyntaxKind.ElementAccessExpression)) {
      const argument = access.getArgumentExpression();
      if (!argument || !readsEnvVariable(argument, ENV_NAME_VARIABLES)) continue;
      const holder = resolveValue(access.getExpression());
      if (Node.isObjectLiteralExpression(holder)) candidates.push({ construct: access, condition: argument, branches: [holder] });
      else candidates.push({ construct: access, condition: argument, branches: [], opaqueHolder: unwrap(access.getExpression()) });
    }
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const specifier = loadedModulePath(call);
      if (specifier) candidates.push({ construct: call, condition: specifier, branches: [], moduleLoad: true });
    }
    candidates.sort((a, b) => a.construct.getStart() - b.construct.getStart());
    let reportedEnd = -1;
    for (const candidate of candidates) {
      if (candidate.construct.getStart() < reportedEnd) continue;
      if (!readsEnvVariable(candidate.condition, ENV_NAME_VARIABLES)) continue;
      const choosesSettings = candidate.moduleLoad === true || (candidate.opaqueHolder ? isConfigHolder(candidate.opaqueHolder) : choosesServiceSettings(candidate.branches));
      if (!choosesSettings) continue;
      reportedEnd = candidate.construct.getEnd();
      const messageId = candidate.moduleLoad ? 'configClass' : 'branch';
      context.report({ node: candidate.moduleLoad ? candidate.construct : candidate.condition, messageId, data: { variable: variableIn(candidate.condition) ?? variable } });
    }
  },
});

/**
 * True when the branches name service settings: URLs, hosts, credentials, connection options —
 * unless one of them is a wildcard listen address (`'0.0.0.0'`): then they choose where the app
 * itself listens. Walks the compiler's nodes: branches can be large, and wrapping each node as a
 * ts-morph node would dominate the rule's cost.
 */
function choosesServiceSettings(branches: readonly Node[]): boolean {
  let found = false;
  let listenAddress = false;
  const visit = (node: ts.Node): void => {
    if (listenAddress) return;
    if (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text.trim();
      if (WILDCARD_ADDRESSES.has(value)) listenAddress = true;
      else if (!found) found = (hasUrlScheme(value) || value === 'localhost' || IPV4.test(value)) && !isKeyOrMessage(node);
      return;
    }
    if (found) {
      typescript.forEachChild(node, visit);
      return;
    }
    if (typescript.isObjectLiteralExpression(node)) {
      found = isConnectionOptions(node);
    } else if (typescript.isPropertyAssignment(node) || typescript.isShorthandPropertyAssignment(node)) {
      found = isServiceKey(staticName(node.name));
    } else if (typescript.isBinaryExpression(node) && node.operatorToken.kind === typescript.SyntaxKind.EqualsToken) {
      const target = node.left;
      found = isServiceKey(typescript.isPropertyAccessExpression(target) ? target.name.text : typescript.isIdentifier(target) ? target.text : undefined);
    } else if (typescript.isVariableDeclaration(node) && typescript.isIdentifier(node.name)) {
      found = isServiceKey(node.name.text);
    }
    typescript.forEachChild(node, visit);
  };
  for (const branch of branches) visit(branch.compilerNode);
  return found && !listenAddress;
}

/** `{ database: 'app', user: 'app' }`: two or more connection options in one object. */
function isConnectionOptions(object: ts.ObjectLiteralExpression): boolean {
  let count = 0;
  for (const property of object.properties) {
    const name = property.name && staticName(property.name);
    if (name !== undefined && CONNECTION_OPTION_KEYS.has(name.toLowerCase())) count++;
  }
  return count >= 2;
}

function staticName(name: ts.PropertyName | ts.MemberName): string | undefined {
  return typescript.isIdentifier(name) || typescript.isStringLiteral(name) || typescript.isNoSubstitutionTemplateLiteral(name) || typescript.isNumericLiteral(name) ? name.text : undefined;
}

function isServiceKey(key: string | undefined): boolean {
  if (key === undefined) return false;
  const lower = key.toLowerCase();
  if (SERVICE_KEYS.has(lower)) return true;
  const words = key.split(/_|(?<=[a-z0-9])(?=[A-Z])/).filter((word) => word !== '');
  return SERVICE_KEY_SUFFIXES.includes(words.at(-1)?.toLowerCase() ?? '');
}

/** A string that is an object key, a comparison operand or part of a log message, not a setting. */
function isKeyOrMessage(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (typescript.isPropertyAssignment(parent) && parent.name === literal) return true;
  if (typescript.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator !== typescript.SyntaxKind.EqualsToken && operator !== typescript.SyntaxKind.BarBarToken && operator !== typescript.SyntaxKind.QuestionQuestionToken) return true;
  }
  for (let current: ts.Node = parent; !isStatementLike(current); current = current.parent) {
    if (!typescript.isCallExpression(current)) continue;
    const callee = current.expression;
    if (!typescript.isPropertyAccessExpression(callee)) continue;
    if (LOG_METHODS.has(callee.name.text) || (typescript.isIdentifier(callee.expression) && callee.expression.text === 'console')) return true;
  }
  return false;
}

function isStatementLike(node: ts.Node): boolean {
  return typescript.isSourceFile(node) || typescript.isBlock(node) || typescript.isExpressionStatement(node) || typescript.isVariableStatement(node) || typescript.isReturnStatement(node) || typescript.isFunctionLike(node);
}

/**
 * The computed module path of `require(…)` or `import(…)`: `'./config/' + env`,
 * `` `./env/${env}.js` ``, `path.join(__dirname, env)`. A literal path names one module for every
 * deploy, so it is left out.
 */
function loadedModulePath(call: CallExpression): Node | undefined {
  const callee = call.getExpression();
  const loads = callee.getKind() === SyntaxKind.ImportKeyword || (Node.isIdentifier(callee) && callee.getText() === 'require');
  const [specifier] = call.getArguments();
  if (!loads || !specifier) return undefined;
  const value = unwrap(specifier);
  return Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value) ? undefined : value;
}

/** `knexConfig[env]`, `require('./knexfile')[env]`, `config[process.env.NODE_ENV]`. */
function isConfigHolder(holder: Node): boolean {
  const specifier = requireSpecifier(holder);
  if (specifier !== undefined) return CONFIG_HOLDER.test(specifier.split('/').at(-1) ?? '');
  if (Node.isIdentifier(holder)) return CONFIG_HOLDER.test(holder.getText());
  if (Node.isPropertyAccessExpression(holder)) return CONFIG_HOLDER.test(holder.getName());
  return false;
}

function variableIn(condition: Node): string | undefined {
  const text = condition.getText();
  return [...ENV_NAME_VARIABLES].find((name) => text.includes(name));
}
