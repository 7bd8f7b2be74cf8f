import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { readsEnvironment } from '../../../src/languages/python/environment.ts';
import { requestHandlers } from '../../../src/languages/python/handlers.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { argument, calleeName, dottedName, lastPart, positionalArguments, qualifiedName, stringValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** How many names and path steps are followed from a `.save()`/`open()` back to its directory. */
const MAX_HOPS = 6;
/** `request.files[…]`, `request.FILES.get(…)`, `self.request.FILES` (class-based views). */
const UPLOAD_SOURCE = /^(?:self\.)?request\.(?:files|FILES)\b/;
const TEMPORARY = /^\/(?:tmp|var\/tmp|dev\/shm)(?:\/|$)/;
/** Calls whose path is their first argument's, one level deeper: `os.path.join(BASE_DIR, …)`, `Path(…)`. */
const PATH_CALLS = new Set(['os.path.join', 'os.path.abspath', 'os.path.realpath', 'os.path.dirname', 'pathlib.Path', 'pathlib.PurePath', 'str', 'os.fspath']);
const PATH_METHODS = new Set(['joinpath', 'resolve', 'absolute', 'with_name', 'with_suffix']);

/** Where a path points: the app's own tree, a fixed directory (named in the message), or scratch space. */
type Place = { kind: 'app' } | { kind: 'fixed'; where: string } | { kind: 'temporary' };

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/request\.(?:files|FILES)|UploadFile|multipart/.test(context.text)) return;
    const handlers = requestHandlers(context);
    const module = pythonModule(context);
    for (const handler of nodesOfType(module, 'function_definition')) {
      if (handler && handlers.has(handler.id)) reportHandler(context, module, handler);
    }
  },
});

function reportHandler(context: CheckContext<MessageId>, module: PythonModule, handler: Node): void {
  const uploads = uploadNames(module, handler);
  const readsUpload = uploads.size > 0 || handler.descendantsOfType('attribute').some((node) => node !== null && UPLOAD_SOURCE.test(node.text));
  if (!readsUpload) return;
  for (const call of handler.descendantsOfType('call')) {
    if (!call) continue;
    const target = savedPath(context, module, call, uploads);
    if (target === 'django-storage') {
      context.report({ range: [call.startIndex, call.endIndex], messageId: 'djangoStorage', severity: 'notice' });
      continue;
    }
    const place = target && placeOf(module, handler, target, 0);
    if (place && place.kind !== 'temporary') {
      context.report({ range: [call.startIndex, call.endIndex], messageId: 'localDirectory', data: { where: place.kind === 'app' ? "in the application's own directory" : place.where } });
    }
  }
}

/**
 * The path an upload is written to by `call`: Flask `upload.save(path)`, `open(path, "wb")` or
 * `aiofiles.open(path, "wb")`; `'django-storage'` for `FileSystemStorage().save(name, upload)`
 * and for `default_storage` when no settings configure another storage.
 */
function savedPath(context: CheckContext<MessageId>, module: PythonModule, call: Node, uploads: ReadonlySet<string>): Node | 'django-storage' | undefined {
  const fn = call.childForFieldName('function');
  const callee = calleeName(module, call);
  if (callee === 'open' || callee === 'io.open' || callee === 'aiofiles.open') {
    const mode = stringValue(argument(call, 1, 'mode')) ?? '';
    return /[wax]/.test(mode) && mode.includes('b') ? argument(call, 0, 'file') : undefined;
  }
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'save') return undefined;
  const receiver = fn.childForFieldName('object')!;
  if (isUpload(receiver, uploads)) return argument(call, 0, 'dst');
  const [, content] = positionalArguments(call);
  if (!content || !isUpload(content, uploads)) return undefined;
  const storage = receiver.type === 'call' ? calleeName(module, receiver) : qualifiedName(module, receiver);
  if (storage === 'django.core.files.storage.FileSystemStorage') return 'django-storage';
  return storage === 'django.core.files.storage.default_storage' && !configuresStorage(context) ? 'django-storage' : undefined;
}

/** Whether any settings module of the repository sets `STORAGES` or `DEFAULT_FILE_STORAGE`. */
function configuresStorage(context: CheckContext<MessageId>): boolean {
  return context.perRun('python:configures-django-storage', () =>
    context.repo.paths().some((filePath) => filePath.endsWith('.py') && /^\s*(?:STORAGES|DEFAULT_FILE_STORAGE)\s*=/m.test(context.repo.read(filePath) ?? '')),
  );
}

function isUpload(node: Node, uploads: ReadonlySet<string>): boolean {
  return (node.type === 'identifier' && uploads.has(node.text)) || UPLOAD_SOURCE.test(node.text);
}

/**
 * Names bound to an upload in a handler: FastAPI `UploadFile` parameters, `f = request.files["x"]`,
 * `for f in request.files.getlist("x")`, aiohttp `field = await reader.next()` on a multipart reader.
 */
function uploadNames(module: PythonModule, handler: Node): Set<string> {
  const names = new Set<string>();
  for (const parameter of handler.childForFieldName('parameters')?.namedChildren ?? []) {
    const type = parameter?.childForFieldName('type')?.text ?? '';
    const name = parameter?.childForFieldName('name') ?? parameter?.namedChild(0);
    if (/\bUploadFile\b/.test(type) && name?.type === 'identifier') names.add(name.text);
  }
  const readers = new Set<string>();
  for (const binding of [...handler.descendantsOfType('assignment'), ...handler.descendantsOfType('for_statement')]) {
    if (!binding) continue;
    const left = binding.childForFieldName('left');
    const right = binding.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const value = right.type === 'await' ? right.namedChild(0)! : right;
    if (UPLOAD_SOURCE.test(value.text) || (value.type === 'identifier' && names.has(value.text))) names.add(left.text);
    else if (value.type === 'call' && lastPart(dottedName(value.childForFieldName('function'))) === 'multipart') readers.add(left.text);
    else if (value.type === 'call' && readers.has(dottedName(value.childForFieldName('function')?.childForFieldName('object')) ?? '')) names.add(left.text);
  }
  return names;
}

/** Follows a path expression to its root directory; undefined when it cannot be told (an env read, a parameter). */
function placeOf(module: PythonModule, fn: Node, node: Node, hops: number): Place | undefined {
  if (hops > MAX_HOPS || readsEnvironment(module, node)) return undefined;
  const next = (child: Node | null | undefined): Place | undefined => (child ? placeOf(module, fn, child, hops + 1) : undefined);
  switch (node.type) {
    case 'parenthesized_expression':
      return next(node.namedChild(0));
    case 'string':
      return stringPlace(module, fn, node, hops);
    case 'binary_operator':
      return next(node.childForFieldName('left'));
    case 'identifier':
      if (node.text === '__file__') return { kind: 'app' };
      return next(localValue(fn, node.text) ?? module.constants.get(node.text));
    case 'attribute':
      return attributePlace(node, next);
    case 'subscript':
      return next(configValue(module, node));
    case 'call':
      return callPlace(module, node, next);
    default:
      return undefined;
  }
}

function stringPlace(module: PythonModule, fn: Node, node: Node, hops: number): Place | undefined {
  const first = node.namedChildren.find((child) => child?.type === 'string_content' || child?.type === 'interpolation');
  if (first?.type === 'interpolation') {
    const expression = first.childForFieldName('expression');
    return expression ? placeOf(module, fn, expression, hops + 1) : undefined;
  }
  const text = first?.text ?? '';
  if (text === '' || /^[a-z][\w+.-]*:/i.test(text)) return undefined;
  if (TEMPORARY.test(text)) return { kind: 'temporary' };
  const directory = text.includes('/') ? text.slice(0, text.lastIndexOf('/')) || '/' : '.';
  return { kind: 'fixed', where: text.startsWith('/') ? `in the local directory "${directory}"` : `in the relative directory "${directory}"` };
}

function attributePlace(node: Node, next: (child: Node | null | undefined) => Place | undefined): Place | undefined {
  const attribute = node.childForFieldName('attribute')?.text ?? '';
  if (attribute === 'root_path' || attribute === 'instance_path' || attribute === 'BASE_DIR') return { kind: 'app' };
  if (attribute === 'MEDIA_ROOT') return { kind: 'fixed', where: 'in MEDIA_ROOT on the local disk' };
  if (attribute === 'parent' || attribute === 'name') return next(node.childForFieldName('object'));
  return undefined;
}

function callPlace(module: PythonModule, call: Node, next: (child: Node | null | undefined) => Place | undefined): Place | undefined {
  const callee = calleeName(module, call);
  if (callee?.startsWith('tempfile.')) return { kind: 'temporary' };
  if (callee === 'io.BytesIO') return undefined;
  // `file.save(secure_filename(file.filename))`: a bare file name lands in the working directory.
  if (callee === 'werkzeug.utils.secure_filename') return { kind: 'fixed', where: 'in the working directory' };
  if (callee !== undefined && PATH_CALLS.has(callee)) return next(positionalArguments(call)[0]);
  const method = call.childForFieldName('function');
  if (method?.type === 'attribute' && PATH_METHODS.has(method.childForFieldName('attribute')?.text ?? '')) return next(method.childForFieldName('object'));
  return undefined;
}

/** A name assigned exactly once in `fn` (and never a parameter): its value. */
function localValue(fn: Node, name: string): Node | undefined {
  const values: Node[] = [];
  for (const assignment of fn.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    if (left?.type === 'identifier' && left.text === name) values.push(assignment!.childForFieldName('right')!);
    else if (left?.type.endsWith('pattern') || left?.type === 'pattern_list') {
      if (left.descendantsOfType('identifier').some((identifier) => identifier?.text === name)) return undefined;
    }
  }
  const parameters = fn.childForFieldName('parameters')?.descendantsOfType('identifier') ?? [];
  if (parameters.some((parameter) => parameter?.text === name)) return undefined;
  return values.length === 1 ? values[0] : undefined;
}

/** `app.config["UPLOAD_FOLDER"]`: the value this module gives it (`app.config["UPLOAD_FOLDER"] = …`, or a constant of that name). */
function configValue(module: PythonModule, subscript: Node): Node | undefined {
  const key = stringValue(subscript.childForFieldName('subscript'));
  if (key === undefined || !dottedName(subscript.childForFieldName('value'))?.endsWith('config')) return undefined;
  const values: Node[] = [];
  for (const assignment of nodesOfType(module, 'assignment')) {
    const left = assignment?.childForFieldName('left');
    if (left?.type === 'subscript' && stringValue(left.childForFieldName('subscript')) === key) values.push(assignment!.childForFieldName('right')!);
  }
  if (values.length > 1) return undefined;
  return values[0] ?? module.constants.get(key);
}
