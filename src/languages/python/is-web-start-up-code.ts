import path from 'node:path/posix';
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';
import { fileKindOf } from '../../engine/file-kind.ts';
import { isLocalRunCode, isServedModule, pythonEntryPoints } from '../../../checks/support/python-entry-points.ts';
import { pythonModule, repositoryModule, type PythonModule } from './module.ts';
import { calleeName, dottedName, enclosingFunction, keywordArgument, lastPart, positionalArguments, stringValue } from './syntax.ts';
import { isGunicornConfig } from './is-gunicorn-config.ts';

/** Constructors of a web application: a module building one at import time is loaded by the web process. */
const WEB_APPLICATIONS = new Set([
  'flask.Flask',
  'quart.Quart',
  'fastapi.FastAPI',
  'starlette.applications.Starlette',
  'sanic.Sanic',
  'aiohttp.web.Application',
  'falcon.App',
  'falcon.asgi.App',
  'django.core.wsgi.get_wsgi_application',
  'django.core.asgi.get_asgi_application',
]);
const FACTORY_NAMES = new Set(['create_app', 'make_app', 'build_app', 'get_app', 'app_factory', 'create_application']);
/** gunicorn server hooks (gunicorn.org, "Server Hooks"). */
const GUNICORN_HOOKS = new Set(['on_starting', 'on_reload', 'when_ready', 'pre_fork', 'post_fork', 'post_worker_init', 'pre_exec']);
/** Decorators registering a start-up hook: FastAPI/Starlette `on_event("startup")`, Flask, Quart, Sanic. */
const STARTUP_DECORATORS = new Set(['before_first_request', 'before_serving', 'on_startup']);
const STARTUP_EVENTS = new Set(['startup', 'before_server_start', 'after_server_start', 'main_process_start']);

/**
 * True when `node` runs as the web process starts, once per web worker (RULES-python.md,
 * "Reading Python"): module level of a module the web process loads (served by gunicorn/uvicorn,
 * wsgi.py/asgi.py, settings, a module building the app, one a served module imports), an app
 * factory, a lifespan or startup hook, `AppConfig.ready()`, a gunicorn.conf.py hook. A local-run
 * block counts only in a module a start command runs directly.
 */
export function isWebStartUpCode(context: CheckContext, node: Node): boolean {
  const module = pythonModule(context);
  const scope = enclosingFunction(node);
  if (scope) return isStartUpFunction(context, module, scope);
  if (isLocalRunCode(context, context.path, module, node)) return false;
  return isWebModule(context, module);
}

/** True when the module under review is loaded by the web process (see `isWebStartUpCode`). */
export function isWebModule(context: CheckContext, module: PythonModule): boolean {
  return context.perFile('python:web-module', () => {
    const base = path.basename(context.path);
    if (isGunicornConfig(context.path) || base === 'wsgi.py' || base === 'asgi.py') return true;
    if (/^settings(?:_\w+)?\.py$/.test(base) || context.path.includes('settings/')) return true;
    if (isServedModule(pythonEntryPoints(context), context.path) || buildsWebApplication(module)) return true;
    return importedByServedModule(context);
  });
}

function buildsWebApplication(module: PythonModule): boolean {
  return module.calls.some((call) => enclosingFunction(call) === undefined && WEB_APPLICATIONS.has(calleeName(module, call) ?? ''));
}

/** Module paths (`pkg/jobs`) that the served modules import, one hop. Computed once per run. */
function importedByServedModule(context: CheckContext): boolean {
  const imported = context.perRun('python:web-imports', () => {
    const entryPoints = pythonEntryPoints(context);
    const stems = new Set<string>();
    for (const filePath of context.repo.paths()) {
      if (fileKindOf(filePath) !== 'python' || !isServedModule(entryPoints, filePath)) continue;
      for (const qualified of repositoryModule(context, filePath)?.imports.values() ?? []) {
        const parts = qualified.replace(/^\.+/, '').split('.');
        stems.add(parts.join('/'));
        if (parts.length > 1) stems.add(parts.slice(0, -1).join('/'));
      }
    }
    return stems;
  });
  const stem = context.path.replace(/\.py$/, '').replace(/\/__init__$/, '');
  for (const candidate of imported) if (stem === candidate || stem.endsWith(`/${candidate}`)) return true;
  return false;
}

function isStartUpFunction(context: CheckContext, module: PythonModule, definition: Node): boolean {
  const name = definition.childForFieldName('name')?.text ?? '';
  if (isGunicornConfig(context.path) && GUNICORN_HOOKS.has(name) && definition.parent?.type === 'module') return true;
  if (FACTORY_NAMES.has(name) || buildsApplicationIn(module, definition)) return true;
  if (isStartUpDecorated(definition) || isRegisteredStartUpHook(module, name)) return true;
  return name === 'ready' && isAppConfigMethod(definition);
}

function buildsApplicationIn(module: PythonModule, definition: Node): boolean {
  return module.calls.some(
    (call) => enclosingFunction(call)?.id === definition.id && WEB_APPLICATIONS.has(calleeName(module, call) ?? ''),
  );
}

function isStartUpDecorated(definition: Node): boolean {
  const decorated = definition.parent;
  if (decorated?.type !== 'decorated_definition') return false;
  return decorated.namedChildren.some((decorator) => {
    if (decorator?.type !== 'decorator') return false;
    const expression = decorator.namedChild(0);
    const target = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    const method = lastPart(dottedName(target));
    if (method && STARTUP_DECORATORS.has(method)) return true;
    const [event] = expression?.type === 'call' ? positionalArguments(expression) : [];
    return (method === 'on_event' || method === 'listener') && STARTUP_EVENTS.has(stringValue(event) ?? '');
  });
}

/**
 * `FastAPI(lifespan=f)`, `Starlette(on_startup=[f])`, `app.add_event_handler("startup", f)`,
 * aiohttp `app.on_startup.append(f)`, Sanic `app.register_listener(f, "before_server_start")`.
 */
function isRegisteredStartUpHook(module: PythonModule, name: string): boolean {
  if (!name) return false;
  return module.calls.some((call) => {
    const lifespan = keywordArgument(call, 'lifespan');
    if (lifespan && dottedName(lifespan) === name) return true;
    const onStartup = keywordArgument(call, 'on_startup');
    if (onStartup?.namedChildren.some((item) => item !== null && dottedName(item) === name)) return true;
    const callee = dottedName(call.childForFieldName('function')) ?? '';
    const [first, second] = positionalArguments(call);
    if (lastPart(callee) === 'add_event_handler') return stringValue(first) === 'startup' && dottedName(second) === name;
    if (lastPart(callee) === 'register_listener') return dottedName(first) === name && STARTUP_EVENTS.has(stringValue(second) ?? '');
    return callee.endsWith('on_startup.append') && dottedName(first) === name;
  });
}

function isAppConfigMethod(definition: Node): boolean {
  let owner = definition.parent;
  if (owner?.type === 'decorated_definition') owner = owner.parent;
  const klass = owner?.type === 'block' ? owner.parent : undefined;
  if (klass?.type !== 'class_definition') return false;
  return (klass.childForFieldName('superclasses')?.namedChildren ?? []).some((base) => base !== null && /(?:^|\.)AppConfig$/.test(dottedName(base) ?? ''));
}
