import type { CallExpression, NewExpression, SourceFile } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../engine/file-kind.ts';
import { propertyNameOf, unwrap } from './constants.ts';
import { bindingsOf, importBindings, normaliseModule, requiredModules, requireSpecifier, type ImportBinding } from './imports.ts';
import { isToolingPath } from '../../../checks/support/tooling-path.ts';
import { resolveRelativeScript } from './relative-module.ts';

/** Where a process starts serving or consuming: the place a shutdown handler is owed. */
export interface LongRunningSite {
  /** Character range to report: the call up to its method name (`app.listen`, `new Worker`). */
  range: [number, number];
  kind: 'server' | 'consumer';
  /** For messages: "HTTP server", "BullMQ worker", "Kafka consumer"… */
  label: string;
}

/** The calls and constructions of one script, as a site search reads them. */
export interface ScriptNodes {
  sourceFile: SourceFile;
  calls: readonly CallExpression[];
  news: readonly NewExpression[];
  bindings: readonly ImportBinding[];
}

const BULLMQ = new Set(['bullmq', 'bullmq-pro', '@taskforcesh/bullmq-pro']);
const BULL = new Set(['bull', 'bee-queue']);
const AMQP = new Set(['amqplib', 'amqplib/callback_api', 'amqp-connection-manager']);
const SQS_CONSUMER = new Set(['sqs-consumer', '@rxfork/sqs-consumer']);
const SQS_CLIENT = new Set(['@aws-sdk/client-sqs', 'aws-sdk', 'aws-sdk/clients/sqs']);

/** Method names of the calls that may start a site. */
const SITE_METHODS = new Set(['listen', 'serve', 'process', 'consume', 'run', 'create', 'receiveMessage']);
/** Words one of which every file with a site contains: a cheap prefilter before walking or parsing a file. */
const SITE_WORDS = ['listen', 'Worker', 'consume', 'eachMessage', 'eachBatch', 'sqs-consumer', 'eceiveMessage', '.process(', '.serve('];

/** The calls and constructions of the file under review (shared, memoised AST walks). */
export function scriptNodesOf(context: CheckContext): ScriptNodes {
  return {
    sourceFile: context.ast(),
    calls: context.ofKind(SyntaxKind.CallExpression),
    news: context.ofKind(SyntaxKind.NewExpression),
    bindings: importBindings(context),
  };
}

/**
 * Every place a script starts a server (`x.listen(port…)`, `Bun.serve`, `Deno.serve`) or a
 * long-running consumer (BullMQ `new Worker`, Bull `queue.process`, amqplib `channel.consume`,
 * kafkajs `consumer.run({ eachMessage })`, sqs-consumer `Consumer.create`, an SQS receive
 * loop), in source order.
 */
export function longRunningSites(nodes: ScriptNodes): LongRunningSite[] {
  const bindings = moduleBindings(nodes);
  const sites: LongRunningSite[] = [];
  for (const call of nodes.calls) {
    const site = callSite(call, bindings);
    if (site) sites.push(site);
  }
  for (const construction of nodes.news) {
    const site = constructionSite(construction, bindings);
    if (site) sites.push(site);
  }
  return sites.sort((a, b) => a.range[0] - b.range[0]);
}

/** The long-running sites of the file under review, memoised per file; none in tooling and test set-up files. */
export function fileLongRunningSites(context: CheckContext): readonly LongRunningSite[] {
  return context.perFile('long-running-sites', () =>
    isApplicationScript(context.path) && SITE_WORDS.some((word) => context.text.includes(word)) ? longRunningSites(scriptNodesOf(context)) : [],
  );
}

/**
 * The repository path (in path order) of the first application script that starts a server or
 * consumer; test code, vendored and generated files are not application code. Memoised per run.
 */
export function firstLongRunningPath(context: CheckContext): string | undefined {
  return context.perRun('long-running-sites:first-path', () => {
    const candidates = [...context.repo.paths()];
    if (!context.repo.has(context.path)) candidates.push(context.path);
    candidates.sort();
    for (const filePath of candidates) {
      if (!isApplicationScript(filePath)) continue;
      if (filePath === context.path) {
        if (fileLongRunningSites(context).length > 0) return filePath;
        continue;
      }
      const text = context.repo.read(filePath);
      if (text === undefined || !SITE_WORDS.some((word) => text.includes(word))) continue;
      const sourceFile = context.parseScript(filePath);
      if (sourceFile && longRunningSites(scriptNodesOfFile(sourceFile)).length > 0) return filePath;
    }
    return undefined;
  });
}

/**
 * True when the file imports or requires, by a relative path, an application script of the
 * repository that starts a server or consumer (`import { server } from '../../../checks/support/server.js'`).
 */
export function importsLongRunningModule(context: CheckContext): boolean {
  for (const specifier of requiredModules(context)) {
    const candidate = resolveRelativeScript(context.repo, context.path, specifier);
    if (candidate === undefined || !isApplicationScript(candidate)) continue;
    const text = context.repo.read(candidate);
    if (text === undefined || !SITE_WORDS.some((word) => text.includes(word))) continue;
    const sourceFile = context.parseScript(candidate);
    if (sourceFile && longRunningSites(scriptNodesOfFile(sourceFile)).length > 0) return true;
  }
  return false;
}

/** `src/setupTests.ts`, `vitest.setup.ts`, `test-setup.js`: test harness set-up outside the test directories. */
const TEST_SETUP = /(?:^|[./-])(?:setup-?tests?|tests?-?setup|jest\.setup|vitest\.setup)\.[cm]?[jt]sx?$/i;

/**
 * A script the review treats as application code: not a test or test set-up file, not build
 * tooling (`scripts/`, `*.config.*`), not vendored or generated.
 */
export function isApplicationScript(filePath: string): boolean {
  return (
    fileKindOf(filePath) === 'javascript' &&
    !isTestPath(filePath) &&
    !TEST_SETUP.test(filePath) &&
    !isToolingPath(filePath) &&
    defaultSkipReason(filePath) === undefined
  );
}

/** The calls and constructions of another script of the repository, in one walk. */
export function scriptNodesOfFile(sourceFile: SourceFile): ScriptNodes {
  return {
    sourceFile,
    calls: sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression),
    news: sourceFile.getDescendantsOfKind(SyntaxKind.NewExpression),
    bindings: bindingsOf(sourceFile, (kind) => sourceFile.getDescendantsOfKind(kind)),
  };
}

/** Local names bound to modules: `local → { module, imported }` (`*` for the whole module). */
type Bindings = ReadonlyMap<string, { module: string; imported: string }>;

/** The file's import bindings, a default import standing for the whole module. */
function moduleBindings(nodes: ScriptNodes): Bindings {
  return new Map(nodes.bindings.map((binding) => [binding.local, { module: binding.module, imported: binding.imported === 'default' ? '*' : binding.imported }]));
}

/** True when `expression` names export `name` of one of `modules` (`Worker`, `bullmq.Worker`). */
function namesExport(expression: Node, bindings: Bindings, modules: ReadonlySet<string>, name: string): boolean {
  const node = unwrap(expression);
  if (Node.isIdentifier(node)) {
    const binding = bindings.get(node.getText());
    return binding !== undefined && modules.has(binding.module) && binding.imported === name;
  }
  if (Node.isPropertyAccessExpression(node) && node.getName() === name) {
    const root = unwrap(node.getExpression());
    if (Node.isIdentifier(root)) {
      const binding = bindings.get(root.getText());
      return binding !== undefined && modules.has(binding.module) && binding.imported === '*';
    }
    const specifier = requireSpecifier(root);
    return specifier !== undefined && modules.has(normaliseModule(specifier));
  }
  return false;
}

function importsAnyOf(bindings: Bindings, modules: ReadonlySet<string>): boolean {
  for (const binding of bindings.values()) if (modules.has(binding.module)) return true;
  return false;
}

function callSite(call: CallExpression, bindings: Bindings): LongRunningSite | undefined {
  const callee = unwrap(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.getName();
  if (!SITE_METHODS.has(method)) return undefined;
  const args = call.getArguments();
  const range = siteRange(call, callee.getNameNode());
  switch (method) {
    case 'listen': {
      // `history.listen(fn)`, `emitter.listen(fn)`: a callback first is not a port, path or options.
      const first = args[0] && unwrap(args[0]);
      if (!first || Node.isArrowFunction(first) || Node.isFunctionExpression(first)) return undefined;
      // Mock Service Worker's `server.listen({ onUnhandledRequest })` intercepts requests in tests.
      if (Node.isObjectLiteralExpression(first) && first.getProperty('onUnhandledRequest')) return undefined;
      return { range, kind: 'server', label: 'HTTP server' };
    }
    case 'serve': {
      const receiver = callee.getExpression().getText();
      return (receiver === 'Bun' || receiver === 'Deno') && args.length > 0 ? { range, kind: 'server', label: 'HTTP server' } : undefined;
    }
    case 'process':
      return importsAnyOf(bindings, BULL) && args.some(isFunctionLike) ? { range, kind: 'consumer', label: 'queue processor' } : undefined;
    case 'consume': {
      if (args.length < 2) return undefined;
      const receiver = unwrap(callee.getExpression());
      const receiverName = Node.isIdentifier(receiver) ? receiver.getText() : Node.isPropertyAccessExpression(receiver) ? receiver.getName() : '';
      return importsAnyOf(bindings, AMQP) || /channel$|^ch$/i.test(receiverName) ? { range, kind: 'consumer', label: 'AMQP consumer' } : undefined;
    }
    case 'run': {
      const options = args[0] && unwrap(args[0]);
      if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
      const hasHandler = options.getProperties().some((property) => {
        const name = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property) ? propertyNameOf(property.getNameNode()) : undefined;
        return name === 'eachMessage' || name === 'eachBatch';
      });
      return hasHandler ? { range, kind: 'consumer', label: 'Kafka consumer' } : undefined;
    }
    case 'create':
      return namesExport(callee.getExpression(), bindings, SQS_CONSUMER, 'Consumer') ? { range, kind: 'consumer', label: 'SQS consumer' } : undefined;
    case 'receiveMessage':
      return importsAnyOf(bindings, SQS_CLIENT) && insideLoop(call) ? { range, kind: 'consumer', label: 'SQS polling loop' } : undefined;
    default:
      return undefined;
  }
}

function constructionSite(construction: NewExpression, bindings: Bindings): LongRunningSite | undefined {
  const callee = construction.getExpression();
  if (!/(?:^|\.)(?:Worker|Consumer|ReceiveMessageCommand)$/.test(callee.getText())) return undefined;
  const range = siteRange(construction, callee);
  if (namesExport(callee, bindings, BULLMQ, 'Worker')) return { range, kind: 'consumer', label: 'BullMQ worker' };
  if (namesExport(callee, bindings, SQS_CONSUMER, 'Consumer')) return { range, kind: 'consumer', label: 'SQS consumer' };
  if (namesExport(callee, bindings, SQS_CLIENT, 'ReceiveMessageCommand') && insideLoop(construction)) {
    return { range, kind: 'consumer', label: 'SQS polling loop' };
  }
  return undefined;
}

/** From the start of the call to the end of its method name, or the name alone when they are on different lines. */
function siteRange(call: CallExpression | NewExpression, name: Node): [number, number] {
  return call.getStartLineNumber() === name.getStartLineNumber() ? [call.getStart(), name.getEnd()] : [name.getStart(), name.getEnd()];
}

function isFunctionLike(node: Node): boolean {
  const value = unwrap(node);
  return Node.isArrowFunction(value) || Node.isFunctionExpression(value) || Node.isIdentifier(value);
}

/** True when `node` runs inside a loop of its own function (a polling loop). */
function insideLoop(node: Node): boolean {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isWhileStatement(current) || Node.isDoStatement(current) || Node.isForStatement(current)) return true;
    if (Node.isFunctionLikeDeclaration(current) || Node.isArrowFunction(current) || Node.isSourceFile(current)) return false;
  }
  return false;
}
