import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { callsFrom, type Invocation } from '../../../src/languages/javascript/calls-from.ts';
import { constDeclarationOf, propertyValue, readsEnvironment, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { importBindings, requiredModules, resolveReference } from '../../../src/languages/javascript/imports.ts';
import { maskSecret } from '../../secrets/support/secret-kind.ts';
import type { MessageId } from './index.ts';

/**
 * A library call that takes a secret: `paths` are member paths below the module ('' is the
 * module's default export itself), `secretArguments` the positions that are secrets, `options`
 * the dotted option keys of an options object that are.
 */
interface SecretApi {
  modules: readonly string[] | 'passport-strategy';
  paths: readonly string[] | 'any';
  secretArguments?: readonly number[];
  options?: readonly string[];
}

const SECRET_APIS: readonly SecretApi[] = [
  { modules: ['express-session'], paths: [''], options: ['secret'] },
  { modules: ['cookie-session'], paths: [''], options: ['keys', 'secret'] },
  { modules: ['cookie-parser'], paths: [''], secretArguments: [0] },
  { modules: ['jsonwebtoken'], paths: ['sign', 'verify'], secretArguments: [1] },
  { modules: 'passport-strategy', paths: 'any', options: ['clientSecret', 'consumerSecret'] },
  { modules: ['crypto'], paths: ['createHmac', 'createCipheriv'], secretArguments: [1] },
  { modules: ['mysql', 'mysql2', 'mysql2/promise'], paths: ['createConnection', 'createPool'], options: ['password'] },
  { modules: ['pg', 'pg-pool'], paths: ['', 'Pool', 'Client'], options: ['password'] },
  { modules: ['sequelize', '@sequelize/core'], paths: ['', 'Sequelize'], secretArguments: [2], options: ['password'] },
  { modules: ['knex'], paths: ['', 'knex'], options: ['connection.password'] },
  { modules: ['mongoose'], paths: ['connect', 'createConnection'], options: ['pass', 'auth.password'] },
  { modules: ['ioredis'], paths: ['', 'Redis', 'Cluster', 'Redis.Cluster'], options: ['password', 'redisOptions.password'] },
  { modules: ['redis'], paths: ['createClient', 'createCluster'], options: ['password'] },
  { modules: ['amqplib', 'amqplib/callback_api'], paths: ['connect'], options: ['password'] },
  { modules: ['nodemailer'], paths: ['createTransport'], options: ['auth.pass'] },
];

/** `passport-google-oauth20`, `passport-github2`, `@node-saml/passport-saml`. */
const PASSPORT_STRATEGY_MODULE = /^(?:@[^/]+\/)?passport-[a-z0-9-]+$/;

/** A secret literal and the API it is handed to. */
interface SecretSite {
  literal: Node;
  api: string;
}

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const modules = secretModules(context);
    if (modules.length === 0) return;
    const sites = [...callSites(context, modules), ...koaKeysSites(context)];
    const reportedLines = new Set<number>();
    for (const { literal, api } of sites.sort((a, b) => a.literal.getStart() - b.literal.getStart())) {
      const line = literal.getStartLineNumber();
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      context.report({ node: literal, messageId: 'literal', data: { api, preview: maskSecret(literalText(literal)) } });
    }
  },
});

/** The modules of the file that a secret API may come from. */
function secretModules(context: CheckContext): string[] {
  const known = new Set(SECRET_APIS.flatMap((api) => (api.modules === 'passport-strategy' ? [] : api.modules)));
  known.add('koa');
  const used = new Set([...importBindings(context).map((binding) => binding.module), ...requiredModules(context)]);
  return [...used].filter((module) => known.has(module) || PASSPORT_STRATEGY_MODULE.test(module));
}

function callSites(context: CheckContext, modules: readonly string[]): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const call of callsFrom(context, modules)) {
    const match = secretApiOf(context, call);
    if (!match) continue;
    const { api, callee } = match;
    const args = call.getArguments();
    for (const index of api.secretArguments ?? []) {
      const given = args[index];
      if (given && !isOptionsObject(given)) sites.push(...secretLiterals(given).map((literal) => ({ literal, api: `${callee}()` })));
    }
    for (const given of args) {
      const options = resolveValue(given);
      if (!Node.isObjectLiteralExpression(options)) continue;
      for (const key of api.options ?? []) {
        const value = optionAt(options, key);
        if (value) sites.push(...secretLiterals(value).map((literal) => ({ literal, api: `${callee}() option ${key}` })));
      }
    }
  }
  return sites;
}

function secretApiOf(context: CheckContext, call: Invocation): { api: SecretApi; callee: string } | undefined {
  const reference = resolveReference(context, call.getExpression());
  if (!reference) return undefined;
  const path = (reference.path[0] === 'default' ? reference.path.slice(1) : reference.path).join('.');
  const api = SECRET_APIS.find(
    (candidate) =>
      (candidate.modules === 'passport-strategy' ? PASSPORT_STRATEGY_MODULE.test(reference.module) : candidate.modules.includes(reference.module)) &&
      (candidate.paths === 'any' || candidate.paths.includes(path)),
  );
  // A passport strategy is constructed (`new Strategy(options, verify)`), never just called.
  if (!api || (api.modules === 'passport-strategy' && !Node.isNewExpression(call))) return undefined;
  return { api, callee: path === '' ? reference.module : `${reference.module}.${path}` };
}

/** `connection.password`: the option below nested option objects. */
function optionAt(options: Node, dottedKey: string): Node | undefined {
  let current: Node | undefined = options;
  for (const key of dottedKey.split('.')) {
    const object: Node | undefined = current && resolveValue(current);
    current = object && Node.isObjectLiteralExpression(object) ? propertyValue(object, key) : undefined;
  }
  return current;
}

function isOptionsObject(expression: Node): boolean {
  return Node.isObjectLiteralExpression(resolveValue(expression));
}

/** Koa's cookie-signing keys: `app.keys = ['…']` on an application made by `new Koa()`. */
function koaKeysSites(context: CheckContext): SecretSite[] {
  const sites: SecretSite[] = [];
  for (const assignment of context.ofKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const target = assignment.getLeft();
    if (!Node.isPropertyAccessExpression(target) || target.getName() !== 'keys') continue;
    const receiver = unwrap(target.getExpression());
    if (!Node.isIdentifier(receiver) || !isKoaApplication(context, receiver)) continue;
    sites.push(...secretLiterals(assignment.getRight()).map((literal) => ({ literal, api: 'koa app.keys' })));
  }
  return sites;
}

function isKoaApplication(context: CheckContext, name: Node): boolean {
  const created = constDeclarationOf(name, name.getText())?.getInitializer();
  if (!created || !Node.isNewExpression(created)) return false;
  const reference = resolveReference(context, created.getExpression());
  return reference?.module === 'koa' && (reference.path.length === 0 || reference.path.join('.') === 'default');
}

/**
 * The non-empty string literals an expression hands over, after `const` propagation: the
 * literal itself, or each literal of a key list. Nothing when the environment is read anywhere
 * on the way (an env read, or an env fallback, which config/no-critical-fallback reports).
 */
function secretLiterals(expression: Node): Node[] {
  if (readsEnvironment(expression)) return [];
  const value = resolveValue(expression);
  if (Node.isArrayLiteralExpression(value)) return value.getElements().flatMap((element) => secretLiterals(element));
  return isStringLiteral(value) && literalText(value).trim() !== '' ? [value] : [];
}

function isStringLiteral(node: Node): boolean {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node);
}

function literalText(node: Node): string {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) ? node.getLiteralValue() : '';
}
