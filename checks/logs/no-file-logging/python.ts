import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import { dictionaryEntries } from '../../../src/languages/python/dictionary-entries.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { isGunicornConfig } from '../../../src/languages/python/is-gunicorn-config.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { argument, calleeName, keywordArgumentNode, lastPart, qualifiedName, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** `logging` handlers that write files, and the rotating/watched variants of other packages. */
const FILE_HANDLERS = new Set([
  'logging.FileHandler',
  'logging.handlers.RotatingFileHandler',
  'logging.handlers.TimedRotatingFileHandler',
  'logging.handlers.WatchedFileHandler',
  'concurrent_log_handler.ConcurrentRotatingFileHandler',
  'concurrent_log_handler.ConcurrentTimedRotatingFileHandler',
]);
/** structlog loggers (and factories) given the file they write to. */
const STRUCTLOG_WRITERS = new Set(['PrintLoggerFactory', 'WriteLoggerFactory', 'BytesLoggerFactory', 'PrintLogger', 'WriteLogger', 'BytesLogger']);
/** Paths that are the process's own output streams. */
const STREAM_PATHS = new Set(['/dev/stdout', '/dev/stderr', '/proc/self/fd/1', '/proc/self/fd/2', '-']);
const STREAMS = new Set(['sys.stdout', 'sys.stderr', 'sys.__stdout__', 'sys.__stderr__']);

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (isGunicornConfig(context.path)) reportGunicornLogs(context);
    if (!/Handler|basicConfig|"class"|'class'|loguru|structlog|sys\.std/.test(context.text)) return;
    const module = pythonModule(context);
    for (const call of module.calls) reportCall(context, module, call);
    reportDictConfigHandlers(context, module);
    reportRedirectedStreams(context, module);
  },
});

function reportCall(context: CheckContext<MessageId>, module: PythonModule, call: Node): void {
  const callee = calleeName(module, call);
  if (callee === undefined) return;
  if (FILE_HANDLERS.has(callee)) {
    const file = argument(call, 0, 'filename');
    if (file && (isStreamPath(module, file) || readsEnvironment(module, file))) return;
    const fix = streamHandlerEdit(module, call);
    context.report({
      range: [call.startIndex, call.endIndex],
      messageId: 'fileHandler',
      data: { handler: lastPart(callee)! },
      ...(fix ? { fix: { description: 'Log to stdout with logging.StreamHandler(sys.stdout)', edits: [fix] } } : {}),
    });
  } else if (callee === 'logging.basicConfig') {
    const keyword = keywordArgumentNode(call, 'filename');
    const file = keyword?.childForFieldName('value');
    if (!keyword || !file || file.type === 'none' || isStreamPath(module, file) || readsEnvironment(module, file)) return;
    context.report({ range: [keyword.startIndex, keyword.endIndex], messageId: 'basicConfig', data: { file: shown(module, file) } });
  } else if (callee === 'loguru.logger.add') {
    const sink = argument(call, 0, 'sink');
    if (sink && isFileSink(module, sink)) context.report({ range: [call.startIndex, call.endIndex], messageId: 'loguru', data: { file: shown(module, sink) } });
  } else if (callee === 'loguru.logger.configure') {
    reportLoguruHandlers(context, module, call);
  } else if (callee.startsWith('structlog.') && STRUCTLOG_WRITERS.has(lastPart(callee)!)) {
    const file = argument(call, 0, 'file');
    if (file && opensFile(module, file)) context.report({ range: [call.startIndex, call.endIndex], messageId: 'structlog', data: { factory: lastPart(callee)! } });
  }
}

/** `logger.configure(handlers=[{"sink": "app.log"}])`: at each file sink. */
function reportLoguruHandlers(context: CheckContext<MessageId>, module: PythonModule, call: Node): void {
  const handlers = argument(call, 0, 'handlers');
  if (!handlers) return;
  for (const handler of resolveValue(module, handlers).namedChildren) {
    const sink = dictionaryEntries(handler).get('sink');
    if (sink && isFileSink(module, sink.value)) context.report({ range: [sink.pair.startIndex, sink.pair.endIndex], messageId: 'loguru', data: { file: shown(module, sink.value) } });
  }
}

/** dictConfig handlers (`LOGGING = {"handlers": {"file": {"class": "logging.FileHandler", …}}}`), at their `"class"`. */
function reportDictConfigHandlers(context: CheckContext<MessageId>, module: PythonModule): void {
  for (const handlers of nodesOfType(module, 'pair')) {
    if (stringValue(handlers?.childForFieldName('key')) !== 'handlers') continue;
    for (const handler of dictionaryEntries(handlers!.childForFieldName('value')).values()) {
      const entries = dictionaryEntries(handler.value);
      const handlerClass = entries.get('class');
      const className = stringValue(handlerClass?.value);
      if (!handlerClass || className === undefined || !FILE_HANDLERS.has(className)) continue;
      const file = entries.get('filename')?.value;
      if (file && (isStreamPath(module, file) || readsEnvironment(module, file))) continue;
      context.report({ range: [handlerClass.pair.startIndex, handlerClass.pair.endIndex], messageId: 'dictConfig', data: { handler: className } });
    }
  }
}

/** `sys.stdout = open("out.log", "a")`. */
function reportRedirectedStreams(context: CheckContext<MessageId>, module: PythonModule): void {
  for (const assignment of nodesOfType(module, 'assignment')) {
    const target = qualifiedName(module, assignment?.childForFieldName('left'));
    const value = assignment?.childForFieldName('right');
    if (!assignment || (target !== 'sys.stdout' && target !== 'sys.stderr') || !value || !opensFile(module, value)) continue;
    context.report({ range: [assignment.startIndex, assignment.endIndex], messageId: 'redirect', data: { stream: lastPart(target)! } });
  }
}

/** gunicorn.conf.py `accesslog = "/var/log/gunicorn/access.log"`; `"-"` is the process's output. */
function reportGunicornLogs(context: CheckContext<MessageId>): void {
  const module = pythonModule(context);
  for (const setting of ['accesslog', 'errorlog']) {
    const value = module.constants.get(setting);
    const file = stringValue(value);
    if (!value || file === undefined || file === '' || STREAM_PATHS.has(file)) continue;
    context.report({ range: [value.parent!.startIndex, value.parent!.endIndex], messageId: 'gunicorn', data: { setting, file: `"${file}"` } });
  }
}

function isStreamPath(module: PythonModule, node: Node): boolean {
  const value = resolveValue(module, node);
  return STREAM_PATHS.has(stringValue(value) ?? '') || STREAMS.has(qualifiedName(module, value) ?? '');
}

/** A loguru sink naming a file: a string or a path (`sys.stdout`, callables and handlers are not files). */
function isFileSink(module: PythonModule, sink: Node): boolean {
  const value = resolveValue(module, sink);
  if (value.type === 'string' || value.type === 'concatenated_string') return !isStreamPath(module, value);
  if (value.type !== 'call') return false;
  const callee = calleeName(module, value);
  return callee === 'pathlib.Path' || callee === 'os.path.join';
}

/** `open(…)`, `io.open(…)` or `Path(…).open(…)` on something other than the process's own streams. */
function opensFile(module: PythonModule, node: Node): boolean {
  const value = resolveValue(module, node);
  if (value.type !== 'call') return false;
  const callee = calleeName(module, value);
  if (callee === 'open' || callee === 'io.open') {
    const file = argument(value, 0, 'file');
    return !(file && isStreamPath(module, file));
  }
  const method = value.childForFieldName('function');
  const path = method?.type === 'attribute' && method.childForFieldName('attribute')?.text === 'open' ? method.childForFieldName('object') : undefined;
  if (path?.type !== 'call' || calleeName(module, path) !== 'pathlib.Path') return false;
  const file = argument(path, 0, 'path');
  return !(file && isStreamPath(module, file));
}

function shown(module: PythonModule, node: Node): string {
  const literal = stringValue(resolveValue(module, node));
  if (literal !== undefined) return `"${literal}"`;
  const text = node.text.replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}

/**
 * `logging.FileHandler("app.log")` → `logging.StreamHandler(sys.stdout)`, only where the module
 * already imports `sys` and `logging` (or `StreamHandler`): a suggestion adds no import, and stderr
 * (`StreamHandler()`) is not the stream Factor XI names.
 */
function streamHandlerEdit(module: PythonModule, call: Node): TextEdit | undefined {
  const sys = localName(module, 'sys');
  const handler = localName(module, 'logging.StreamHandler') ?? (localName(module, 'logging') ?? '') + '.StreamHandler';
  if (!sys || handler.startsWith('.')) return undefined;
  return { start: call.startIndex, end: call.endIndex, text: `${handler}(${sys}.stdout)` };
}

function localName(module: PythonModule, qualified: string): string | undefined {
  for (const [local, name] of module.imports) if (name === qualified) return local;
  return undefined;
}
