import type { CallExpression, NewExpression, ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callsFrom } from '../../../src/languages/javascript/calls-from.ts';
import { literalValue, propertyNameOf, propertyValue, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { importBindings, importsAny, resolveReference } from '../../../src/languages/javascript/imports.ts';
import { staticPath } from '../../../src/languages/javascript/static-path.ts';
import { DYNAMIC } from '../../../src/languages/javascript/static-text.ts';

const LOG_MODULES = ['winston', 'winston-daily-rotate-file', 'pino', 'log4js', 'bunyan', 'fs', 'fs/promises', 'fs-extra', 'graceful-fs'];
const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
const FS_WRITERS = new Set(['createWriteStream', 'appendFile', 'appendFileSync', 'writeFile', 'writeFileSync']);
/** Winston transports that write files (the second is registered by winston-daily-rotate-file). */
const WINSTON_FILE_TRANSPORTS = new Set(['File', 'DailyRotateFile']);
/** log4js appenders that write files. */
const LOG4JS_FILE_APPENDERS = new Set(['file', 'dateFile', 'fileSync', 'multiFile']);
/** pino transports that write files. */
const PINO_FILE_TARGETS = new Set(['pino/file', 'pino-roll']);
/** Paths that are the process's standard streams, not files. */
const STANDARD_STREAM_PATHS = new Set(['/dev/stdout', '/dev/stderr', '/dev/fd/1', '/dev/fd/2', '/proc/self/fd/1', '/proc/self/fd/2']);
/** Options of a winston File transport that also make sense for Console. */
const CONSOLE_OPTIONS = new Set(['level', 'format', 'silent', 'handleExceptions', 'handleRejections']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const hasLogger = importsAny(context, LOG_MODULES);
    if (!hasLogger && !context.text.includes('pino/file') && !context.text.includes('pino-roll')) return;
    const reportedLines = new Set<number>();
    const report: Report = (descriptor) => {
      const node = 'node' in descriptor ? descriptor.node : undefined;
      const line = node?.getStartLineNumber();
      if (line !== undefined && reportedLines.has(line)) return;
      if (line !== undefined) reportedLines.add(line);
      context.report(descriptor);
    };
    if (hasLogger) {
      for (const invocation of callsFrom(context, LOG_MODULES)) {
        if (Node.isNewExpression(invocation)) checkWinston(context, invocation, report);
        else checkCall(context, invocation, report);
      }
    }
    if (context.text.includes('pino/file') || context.text.includes('pino-roll')) {
      for (const object of context.ofKind(SyntaxKind.ObjectLiteralExpression)) checkPinoTransport(context, object, report);
    }
  },
});

type Report = CheckContext<MessageId>['report'];

/** `new winston.transports.File(…)`, `new transports.DailyRotateFile(…)`, `new DailyRotateFile(…)`. */
function checkWinston(context: CheckContext<MessageId>, expression: NewExpression, report: Report): void {
  const reference = resolveReference(context, expression.getExpression());
  if (!reference) return;
  const transport =
    reference.module === 'winston' && reference.path.length === 2 && reference.path[0] === 'transports' && WINSTON_FILE_TRANSPORTS.has(reference.path[1]!)
      ? reference.path[1]!
      : reference.module === 'winston-daily-rotate-file' && (reference.path.length === 0 || reference.path[0] === 'default')
        ? 'DailyRotateFile'
        : undefined;
  if (!transport) return;
  const consoleCallee = consoleTransportPath(context, expression);
  const descriptor = { node: expression, messageId: 'winston' as const, data: { transport } };
  if (consoleCallee === undefined) {
    report(descriptor);
    return;
  }
  const edit: TextEdit = { start: expression.getStart(), end: expression.getEnd(), text: `new ${consoleCallee}(${consoleOptions(expression)})` };
  report({ ...descriptor, fix: { description: 'Log to stdout with a Console transport', edits: [edit] } });
}

/**
 * How this file can name winston's Console transport, keeping the access path the code used:
 * `winston.transports.File` → `winston.transports.Console`, `transports.File` → `transports.Console`.
 */
function consoleTransportPath(context: CheckContext, expression: NewExpression): string | undefined {
  const callee = unwrap(expression.getExpression());
  if (Node.isPropertyAccessExpression(callee) && WINSTON_FILE_TRANSPORTS.has(callee.getName())) {
    const owner = callee.getExpression();
    const reference = resolveReference(context, owner);
    if (reference?.module === 'winston' && reference.path.join('.') === 'transports') return `${owner.getText()}.Console`;
  }
  for (const binding of importBindings(context)) {
    if (binding.module !== 'winston' || binding.typeOnly) continue;
    if (binding.imported === 'default' || binding.imported === '*') return `${binding.local}.transports.Console`;
    if (binding.imported === 'transports') return `${binding.local}.Console`;
  }
  return undefined;
}

/** The File transport's options that Console understands too (`level`, `format`…), as source text. */
function consoleOptions(expression: NewExpression): string {
  const [options] = expression.getArguments();
  if (!options || !Node.isObjectLiteralExpression(options)) return '';
  const kept = options.getProperties().filter((property) => {
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) return false;
    const name = propertyNameOf(property.getNameNode());
    return name !== undefined && CONSOLE_OPTIONS.has(name);
  });
  return kept.length === 0 ? '' : `{ ${kept.map((property) => property.getText()).join(', ')} }`;
}

function checkCall(context: CheckContext<MessageId>, call: CallExpression, report: Report): void {
  const reference = resolveReference(context, call.getExpression());
  if (!reference) return;
  const path = reference.path[0] === 'default' ? reference.path.slice(1) : reference.path;
  const method = path.join('.');
  if (reference.module === 'pino') {
    if (method === 'destination') checkPinoDestination(context, call, report);
    else if (method === '' || method === 'pino') checkPinoArguments(context, call, report);
  } else if (reference.module === 'winston' && method === 'add') {
    checkWinstonAdd(context, call, report);
  } else if (reference.module === 'log4js' && method === 'configure') {
    checkLog4js(call, report);
  } else if (reference.module === 'bunyan' && (method === 'createLogger' || method === '')) {
    checkBunyan(context, call, report);
  } else if (FS_MODULES.has(reference.module) && FS_WRITERS.has(path.at(-1) ?? '')) {
    checkFsWrite(context, call, path.at(-1)!, report);
  }
}

/** winston 2's `winston.add(winston.transports.File, { filename })`: the transport class is passed, not constructed. */
function checkWinstonAdd(context: CheckContext<MessageId>, call: CallExpression, report: Report): void {
  const [transport] = call.getArguments();
  const reference = transport && resolveReference(context, transport);
  if (!transport || !reference || reference.module !== 'winston') return;
  const [owner, name] = reference.path;
  if (reference.path.length === 2 && owner === 'transports' && WINSTON_FILE_TRANSPORTS.has(name!)) {
    report({ node: transport, messageId: 'winston', data: { transport: name! } });
  }
}

/** `pino.destination('app.log')`, `pino.destination({ dest: './logs/app.log' })`. */
function checkPinoDestination(context: CheckContext, call: CallExpression, report: Report): void {
  const [argument] = call.getArguments();
  if (!argument) return;
  const value = resolveValue(argument);
  const target = Node.isObjectLiteralExpression(value) ? propertyValue(value, 'dest') : argument;
  const file = target && fileDestination(context, target);
  if (file === undefined) return;
  const replaced = Node.isObjectLiteralExpression(unwrap(argument)) ? target! : argument;
  const edit: TextEdit = { start: replaced.getStart(), end: replaced.getEnd(), text: '1' };
  report({ node: call, messageId: 'pino', data: { file }, fix: { description: 'Write to stdout', edits: [edit] } });
}

/** `pino('app.log')`, `pino(options, 'app.log')`: pino opens a string destination as a file. */
function checkPinoArguments(context: CheckContext, call: CallExpression, report: Report): void {
  for (const argument of call.getArguments().slice(0, 2)) {
    const file = Node.isObjectLiteralExpression(resolveValue(argument)) ? undefined : fileDestination(context, argument);
    if (file !== undefined) report({ node: argument, messageId: 'pino', data: { file } });
  }
}

/** A pino transport `{ target: 'pino/file', options: { destination: './app.log' } }`. */
function checkPinoTransport(context: CheckContext, object: ObjectLiteralExpression, report: Report): void {
  const target = propertyValue(object, 'target');
  if (!target) return;
  const name = literalValue(target);
  if (typeof name !== 'string' || !PINO_FILE_TARGETS.has(name)) return;
  const options = propertyValue(object, 'options');
  const resolved = options && resolveValue(options);
  if (name === 'pino-roll') {
    report({ node: target, messageId: 'pinoTransport', data: { target: name } });
    return;
  }
  const destination = resolved && Node.isObjectLiteralExpression(resolved) ? propertyValue(resolved, 'destination') : undefined;
  if (!destination || fileDestination(context, destination) === undefined) return;
  const edit: TextEdit = { start: destination.getStart(), end: destination.getEnd(), text: '1' };
  report({ node: destination, messageId: 'pinoTransport', data: { target: name }, fix: { description: 'Write to stdout', edits: [edit] } });
}

/** `log4js.configure({ appenders: { app: { type: 'file', filename: 'app.log' } } })` (or log4js 1's appender list). */
function checkLog4js(call: CallExpression, report: Report): void {
  const [argument] = call.getArguments();
  const options = argument && resolveValue(argument);
  if (!options || !Node.isObjectLiteralExpression(options)) return;
  const appenders = propertyValue(options, 'appenders');
  const resolved = appenders && resolveValue(appenders);
  let entries: Node[] = [];
  if (resolved && Node.isObjectLiteralExpression(resolved)) {
    entries = resolved.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) ? [property.getInitializerOrThrow()] : []));
  } else if (resolved && Node.isArrayLiteralExpression(resolved)) {
    entries = resolved.getElements();
  }
  for (const entry of entries) {
    const appender = resolveValue(entry);
    if (!Node.isObjectLiteralExpression(appender)) continue;
    const type = propertyValue(appender, 'type');
    const name = type ? literalValue(type) : undefined;
    if (type && typeof name === 'string' && LOG4JS_FILE_APPENDERS.has(name)) {
      report({ node: type.getParentOrThrow(), messageId: 'log4js', data: { type: name } });
    }
  }
}

/** `bunyan.createLogger({ streams: [{ path: 'app.log' }] })` (or `stream:` / `path:` on the options). */
function checkBunyan(context: CheckContext, call: CallExpression, report: Report): void {
  const [argument] = call.getArguments();
  const options = argument && resolveValue(argument);
  if (!options || !Node.isObjectLiteralExpression(options)) return;
  const streams: Node[] = [options];
  const list = propertyValue(options, 'streams');
  const resolvedList = list && resolveValue(list);
  if (resolvedList && Node.isArrayLiteralExpression(resolvedList)) streams.push(...resolvedList.getElements().map((element) => resolveValue(element)));
  const single = propertyValue(options, 'stream');
  if (single) streams.push(resolveValue(single));
  for (const stream of streams) {
    if (!Node.isObjectLiteralExpression(stream)) continue;
    const path = propertyValue(stream, 'path');
    const file = path ? fileDestination(context, path) : undefined;
    if (path && file !== undefined) report({ node: path.getParentOrThrow(), messageId: 'bunyan', data: { file } });
  }
}

/** `fs.createWriteStream('access.log')`, `appendFileSync(path.join(__dirname, 'app.log'), …)`. */
function checkFsWrite(context: CheckContext<MessageId>, call: CallExpression, method: string, report: Report): void {
  const [target] = call.getArguments();
  if (!target) return;
  const path = staticPath(context, target);
  if (!path || !/\.log$/i.test(path.text)) return;
  report({ node: call, messageId: 'fs', data: { method, file: displayName(path.text) } });
}

/**
 * The file a logger destination names, for the message; undefined for file descriptors
 * (`1`, `process.stdout.fd`), stdout/stderr paths and destinations known only at run time.
 */
function fileDestination(context: CheckContext, expression: Node): string | undefined {
  if (typeof literalValue(expression) === 'number') return undefined;
  const path = staticPath(context, expression);
  if (!path) return undefined;
  const text = path.text.trim();
  if (text.replaceAll(DYNAMIC, '') === '' || STANDARD_STREAM_PATHS.has(text)) return undefined;
  return displayName(text);
}

function displayName(filePath: string): string {
  const name = filePath.split('/').at(-1)!.replaceAll(DYNAMIC, '…');
  return `'${name === '' ? filePath : name}'`;
}
