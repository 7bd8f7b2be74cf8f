import type { CallExpression, MethodDeclaration } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import type { Severity } from '../../../src/engine/finding.ts';
import { adminTaskOfCommand } from '../../support/admin-task-of.ts';
import { literalValue, propertyValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { localFunction } from '../../../src/languages/javascript/local-function.ts';
import { sameClassMethod } from '../../../src/languages/javascript/called-functions.ts';
import { handlerFunctions, requestHandlers, ROUTE_METHODS } from '../../../src/languages/javascript/request-handlers.ts';
import { schemaChangeCall } from '../../../src/languages/javascript/schema-change-call.ts';
import { basename, effectiveCommand, expandInlineShell, parseShellCommands } from '../../../src/languages/shell/commands.ts';
import { spawnedCommand } from '../../../src/languages/javascript/spawned-command.ts';
import { DYNAMIC } from '../../../src/languages/javascript/static-text.ts';

const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search']);
/** `seed()`, `runSeeds()`, `seedDatabase()`: helpers named after seeding the database. */
const SEED_FUNCTION = /^(?:(?:run|exec|do)Seeds?|seed(?:s|Database|Db|Data|All)?)$/i;
/**
 * Programs that make a shell command an admin task (package managers and script runners,
 * database, process and deploy tools, shells). Any other program — an image converter fed the
 * request's data, `git rev-parse HEAD` for a version endpoint — is more likely product
 * behaviour, so a route running it is only a notice.
 */
const ADMIN_PROGRAMS = new Set([
  'npm', 'npx', 'yarn', 'pnpm', 'bun', 'node', 'ts-node', 'tsx', 'sh', 'bash', 'zsh', 'git', 'knex', 'prisma',
  'sequelize', 'sequelize-cli', 'typeorm', 'drizzle-kit', 'db-migrate', 'node-pg-migrate', 'python', 'python3',
  'rails', 'rake', 'bundle', 'php', 'make', 'psql', 'mysql', 'pg_dump', 'pg_restore', 'mysqldump', 'mongo',
  'mongosh', 'mongodump', 'mongorestore', 'redis-cli', 'docker', 'kubectl', 'systemctl', 'service', 'pm2',
]);
/**
 * Image, media and document tools: a route running one (a thumbnail, a transcode, a PDF) is the
 * product at work, not an admin task; the undeclared system tool is
 * dependencies/no-implicit-system-tool's finding.
 */
const MEDIA_TOOLS = new Set([
  'convert', 'magick', 'identify', 'mogrify', 'composite', 'montage', 'ffmpeg', 'ffprobe', 'pandoc', 'libreoffice', 'soffice',
  'pdftotext', 'pdftoppm', 'pdfinfo', 'gs', 'qpdf', 'exiftool', 'cwebp', 'vips', 'sox', 'tesseract', 'wkhtmltopdf',
]);
/** Methods that empty a cache or a queue (`redis.flushall()`, node-cache `flushAll()`, BullMQ `obliterate()`), lower-cased. */
const FLUSH_METHODS = new Set(['flushall', 'flushdb', 'obliterate']);
/** How deep calls to functions of the same file (or methods of the same class) are followed. */
const MAX_DEPTH = 2;

type Task = 'migrations' | 'seeds' | 'flush' | 'shell';

interface AdminOperation {
  task: Task;
  detail: string;
  severity: Severity;
}

interface Route {
  range: [number, number];
  label: string;
  handlers: Node[];
}

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!mayRunAdminTasks(context.text)) return;
    const handlers = requestHandlers(context);
    if (handlers.size === 0) return;
    for (const route of routesOf(context, handlers)) {
      const operations = route.handlers.flatMap((handler) => adminOperations(context, handler, 0, new Set()));
      const operation = operations.find((candidate) => candidate.severity === 'warning') ?? operations[0];
      if (!operation) continue;
      context.report({
        range: route.range,
        messageId: operation.task,
        data: { route: route.label, detail: operation.detail },
        ...(operation.severity === 'warning' ? {} : { severity: operation.severity }),
      });
    }
  },
});

/** Prefilter: words every detected operation contains. */
function mayRunAdminTasks(text: string): boolean {
  return ['igrat', '.sync(', 'mzug', 'seed', 'Seed', 'child_process', 'execa', 'shelljs', 'lush', 'bliterate'].some((word) => text.includes(word));
}

/** Route registrations whose handlers are request handlers, with where to report and a label. */
function routesOf(context: CheckContext, handlers: ReadonlySet<Node>): Route[] {
  const routes: Route[] = [];
  for (const call of context.ofKind(SyntaxKind.CallExpression)) {
    const callee = unwrap(call.getExpression());
    if (!Node.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.getName())) continue;
    const own = call.getArguments().flatMap((argument) => handlerFunctions(argument)).filter((candidate) => handlers.has(candidate));
    if (own.length === 0) continue;
    routes.push({ range: routeRange(call, pathArgument(call)), label: routeLabel(call), handlers: own });
  }
  for (const handler of handlers) {
    if (!Node.isMethodDeclaration(handler)) continue;
    const route = nestRoute(handler);
    if (route) routes.push(route);
  }
  return routes;
}

/** The path argument: `app.post('/x', …)`, `fastify.route({ url })`, `router.route('/x').post(…)`. */
function pathArgument(call: CallExpression): Node | undefined {
  const [first] = call.getArguments();
  if (first && typeof literalValue(first) === 'string') return unwrap(first);
  const options = first && unwrap(first);
  if (options && Node.isObjectLiteralExpression(options)) return propertyValue(options, 'url') ?? propertyValue(options, 'path');
  const receiver = unwrap(call.getExpression());
  const inner = Node.isPropertyAccessExpression(receiver) ? unwrap(receiver.getExpression()) : undefined;
  return inner && Node.isCallExpression(inner) ? pathArgument(inner) : undefined;
}

function routeLabel(call: CallExpression): string {
  const callee = unwrap(call.getExpression()) as Node;
  let method = Node.isPropertyAccessExpression(callee) ? callee.getName() : 'route';
  const [first] = call.getArguments();
  const options = first && unwrap(first);
  if (method === 'route' && options && Node.isObjectLiteralExpression(options)) {
    const declared = propertyValue(options, 'method');
    const value = declared && literalValue(declared);
    method = typeof value === 'string' ? value : 'route';
  }
  const path = pathArgument(call);
  const pathText = path ? literalValue(path) : undefined;
  const verb = method === 'use' || method === 'all' || method === 'route' ? '' : `${method.toUpperCase()} `;
  return typeof pathText === 'string' ? `${verb}${pathText}` : `${verb}${callee.getText()}`.trim();
}

/** From the start of the registration to its path (or callee), on one line. */
function routeRange(call: CallExpression, path: Node | undefined): [number, number] {
  const callee = unwrap(call.getExpression());
  const name = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : callee;
  if (path && path.getStartLineNumber() === call.getStartLineNumber()) return [call.getStart(), path.getEnd()];
  if (name.getStartLineNumber() === call.getStartLineNumber()) return [call.getStart(), name.getEnd()];
  return [name.getStart(), path && path.getStartLineNumber() === name.getStartLineNumber() ? path.getEnd() : name.getEnd()];
}

/** A Nest controller method: reported at its route decorator, labelled with the controller prefix. */
function nestRoute(method: MethodDeclaration): Route | undefined {
  const decorator = method.getDecorators().find((candidate) => NEST_ROUTE_DECORATORS.has(candidate.getName()));
  if (!decorator) return undefined;
  const controller = method.getParent();
  const prefixDecorator = Node.isClassDeclaration(controller) ? controller.getDecorator('Controller') : undefined;
  const prefix = prefixDecorator?.getArguments()[0];
  const sub = decorator.getArguments()[0];
  const parts = [prefix && literalValue(prefix), sub && literalValue(sub)].filter((part): part is string => typeof part === 'string' && part !== '');
  const label = `${decorator.getName().toUpperCase()} /${parts.map((part) => part.replace(/^\/|\/$/g, '')).join('/')}`;
  return { range: [decorator.getStart(), decorator.getEnd()], label, handlers: [method] };
}

/** The admin operations a function runs, following calls to functions of the same file or class. */
function adminOperations(context: CheckContext, fn: Node, depth: number, seen: Set<Node>): AdminOperation[] {
  if (seen.has(fn)) return [];
  seen.add(fn);
  const operations: AdminOperation[] = [];
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const operation = adminOperation(context, call);
    if (operation) {
      operations.push(operation);
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    const callee = unwrap(call.getExpression());
    const target = Node.isIdentifier(callee) ? localFunction(callee) : sameClassMethod(callee);
    if (target) operations.push(...adminOperations(context, target, depth + 1, seen));
  }
  return operations;
}

function adminOperation(context: CheckContext, call: CallExpression): AdminOperation | undefined {
  const change = schemaChangeCall(context, call);
  if (change) return { task: 'migrations', detail: change.label, severity: 'warning' };
  const callee = unwrap(call.getExpression());
  if (Node.isPropertyAccessExpression(callee)) {
    const receiver = unwrap(callee.getExpression());
    if (callee.getName() === 'run' && Node.isPropertyAccessExpression(receiver) && receiver.getName() === 'seed') {
      return { task: 'seeds', detail: `${shorten(callee.getText())}()`, severity: 'warning' };
    }
    // `faker.seed(42)` seeds a random generator: only longer names (`runSeeds`, `seedDatabase`) count.
    if (callee.getName().toLowerCase() !== 'seed' && SEED_FUNCTION.test(callee.getName())) {
      return { task: 'seeds', detail: `${shorten(callee.getText())}()`, severity: 'warning' };
    }
    if (FLUSH_METHODS.has(callee.getName().toLowerCase())) return { task: 'flush', detail: `${shorten(callee.getText())}()`, severity: 'warning' };
  } else if (Node.isIdentifier(callee) && SEED_FUNCTION.test(callee.getText()) && !hasNumericArgument(call)) {
    return { task: 'seeds', detail: `${callee.getText()}()`, severity: 'warning' };
  }
  const spawned = spawnedCommand(context, call);
  if (!spawned) return undefined;
  const text = spawned.text;
  const shown = text === undefined ? `${spawned.via}(…)` : shorten(text.split(DYNAMIC).join('…'));
  const task = text === undefined ? undefined : adminTaskOfCommand(text.split(DYNAMIC).join(' '));
  if (task) return { task, detail: shown, severity: 'warning' };
  const programs = text === undefined || text.startsWith(DYNAMIC) ? [] : programsOf(text.split(DYNAMIC).join(' '));
  if (programs.length > 0 && programs.every((program) => MEDIA_TOOLS.has(program))) return undefined;
  const admin = programs.length === 0 || programs.some((program) => ADMIN_PROGRAMS.has(program));
  return { task: 'shell', detail: shown, severity: admin ? 'warning' : 'notice' };
}

/** The programs a command line runs, `sh -c '…'` scripts opened: `sh -c "ffmpeg …"` runs ffmpeg. */
function programsOf(text: string): string[] {
  return parseShellCommands(text).flatMap((command) =>
    expandInlineShell(effectiveCommand(command).words).flatMap((expanded) => {
      const program = effectiveCommand(expanded).words[0]?.value;
      return program === undefined ? [] : [basename(program)];
    }),
  );
}

function hasNumericArgument(call: CallExpression): boolean {
  return call.getArguments().some((argument) => typeof literalValue(argument) === 'number');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
}
