import path from 'node:path/posix';
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';
import { isOneOffScriptPath } from '../../../checks/support/one-off-script-path.ts';
import { isLocalRunCode, isServedModule, pythonEntryPoints } from '../../../checks/support/python-entry-points.ts';
import { calledFunctions } from './called-functions.ts';
import { decoratorsOf } from './decorators-of.ts';
import { isGunicornConfig } from './is-gunicorn-config.ts';
import { fileKindOf } from '../../engine/file-kind.ts';
import { inLocalRunBlock, pythonModule, repositoryModule, type PythonModule, nodesOfType } from './module.ts';
import { calleeName, dottedName, enclosingFunction, keywordArgument, lastPart, positionalArguments, stringValue } from './syntax.ts';

/** Constructors of a web application object: a module calling one is imported by the web process. */
const APP_CONSTRUCTORS = new Set([
  'flask.Flask',
  'quart.Quart',
  'fastapi.FastAPI',
  'starlette.applications.Starlette',
  'sanic.Sanic',
  'aiohttp.web.Application',
  'falcon.App',
  'falcon.asgi.App',
  'connexion.App',
  'connexion.FlaskApp',
  'django.core.wsgi.get_wsgi_application',
  'django.core.asgi.get_asgi_application',
]);
const FACTORY_NAMES = new Set(['create_app', 'make_app', 'build_app', 'get_app', 'init_app', 'app_factory', 'application_factory', 'create_application']);
/** Decorators (last part) marking a start-up hook: FastAPI/Starlette, Flask, Quart, Sanic. */
const HOOK_DECORATORS = new Set(['before_first_request', 'before_serving', 'on_startup', 'before_server_start', 'after_server_start', 'main_process_start']);
/** gunicorn server hooks run by the master or each worker as it starts. */
const GUNICORN_HOOKS = new Set(['on_starting', 'on_reload', 'when_ready', 'pre_fork', 'post_fork', 'post_worker_init', 'pre_exec']);
/** Calls registering a start-up hook by reference: `app.add_event_handler("startup", f)`, `app.on_startup.append(f)`. */
const HOOK_REGISTRATIONS = new Set(['add_event_handler', 'register_listener']);

interface StartUpCode {
  /** Module-level statements run when the web process imports the module. */
  readonly moduleLevel: boolean;
  /** Functions run while the web process starts (factories, hooks, `ready()`, and helpers they call). */
  readonly functions: ReadonlySet<number>;
}

/**
 * True when `node` runs while the web process starts (RULES-python.md, "Start-up code"): module
 * level of modules the web process imports (wsgi.py/asgi.py, settings, gunicorn.conf.py, served
 * modules, modules building the app), app factories, lifespan and startup hooks,
 * `AppConfig.ready()`, gunicorn hooks. Never one-off code: `scripts/`, `bin/`, management
 * commands, `manage.py`, local-run blocks.
 */
export function isStartUpCode(context: CheckContext, node: Node): boolean {
  const startUp = context.perFile('python:start-up-code', () => findStartUpCode(context));
  const fn = enclosingFunction(node);
  if (fn) return startUp.functions.has(fn.id);
  if (!startUp.moduleLevel) return false;
  return !isLocalRunCode(context, context.path, pythonModule(context), node);
}

function findStartUpCode(context: CheckContext): StartUpCode {
  if (isOneOffModule(context.path)) return { moduleLevel: false, functions: new Set() };
  const module = pythonModule(context);
  const moduleLevel = isWebModule(context, module);
  const roots: Node[] = [];
  for (const definition of nodesOfType(module, 'function_definition')) {
    if (definition && isStartUpFunction(context, module, definition)) roots.push(definition);
  }
  for (const name of hookReferences(module)) {
    const target = topLevelFunction(module, name);
    if (target) roots.push(target);
  }
  const functions = new Set<number>();
  for (const root of roots) for (const fn of calledFunctions(module, root)) functions.add(fn.id);
  if (moduleLevel) {
    for (const call of module.calls) {
      if (enclosingFunction(call) || inLocalRunBlock(module, call)) continue;
      const target = call.childForFieldName('function');
      const helper = target?.type === 'identifier' ? topLevelFunction(module, target.text) : undefined;
      if (helper) for (const fn of calledFunctions(module, helper)) functions.add(fn.id);
    }
  }
  return { moduleLevel, functions };
}

function isOneOffModule(filePath: string): boolean {
  return isOneOffScriptPath(filePath) || /(?:^|\/)management\/commands\//.test(filePath) || /(?:^|\/)manage\.py$/.test(filePath);
}

/**
 * True when the web process loads the module under review: gunicorn.conf.py, wsgi.py/asgi.py,
 * settings modules, modules a server serves or that build the app, and modules a served module
 * imports (one hop).
 */
export function isWebModule(context: CheckContext, module: PythonModule): boolean {
  return context.perFile('python:web-module', () => {
    const filePath = context.path;
    const base = path.basename(filePath);
    if (isGunicornConfig(filePath) || base === 'wsgi.py' || base === 'asgi.py') return true;
    if (/^settings(?:_\w+)?\.py$/.test(base) || /(?:^|\/)settings\/[^/]+\.py$/.test(filePath)) return true;
    if (isServedModule(pythonEntryPoints(context), filePath)) return true;
    if (module.calls.some((call) => !enclosingFunction(call) && APP_CONSTRUCTORS.has(calleeName(module, call) ?? ''))) return true;
    return importedByServedModule(context);
  });
}

/** True when a served module imports the module under review (module paths computed once per run). */
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
  const topLevel = isTopLevel(definition);
  if (topLevel && FACTORY_NAMES.has(name)) return true;
  if (topLevel && isGunicornConfig(context.path) && GUNICORN_HOOKS.has(name)) return true;
  if (topLevel && constructsApp(module, definition)) return true;
  if (name === 'ready' && isMethodOf(definition, /(?:^|\.)AppConfig$/)) return true;
  return decoratorsOf(definition).some((decorator) => isHookDecorator(decorator));
}

/** A function building the app object (`app = Flask(__name__)` inside it): an app factory. */
function constructsApp(module: PythonModule, definition: Node): boolean {
  return definition.descendantsOfType('call').some((call) => call !== null && enclosingFunction(call)?.id === definition.id && APP_CONSTRUCTORS.has(calleeName(module, call) ?? ''));
}

/** `@app.on_event("startup")`, `@app.before_first_request`, `@app.listener("before_server_start")`. */
function isHookDecorator(decorator: Node): boolean {
  const expression = decorator.namedChild(0);
  const target = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
  const last = lastPart(dottedName(target));
  if (last === undefined) return false;
  if (HOOK_DECORATORS.has(last)) return true;
  if ((last === 'on_event' || last === 'listener') && expression?.type === 'call') {
    const event = stringValue(positionalArguments(expression)[0]);
    return event === 'startup' || (event !== undefined && HOOK_DECORATORS.has(event));
  }
  return false;
}

/**
 * Functions named as start-up hooks: `FastAPI(lifespan=f)`, `Starlette(on_startup=[f])`,
 * `app.on_startup.append(f)` (aiohttp), `app.add_event_handler("startup", f)`.
 */
function hookReferences(module: PythonModule): string[] {
  const names: string[] = [];
  for (const call of module.calls) {
    const callee = calleeName(module, call);
    if (callee === undefined) continue;
    if (APP_CONSTRUCTORS.has(callee)) {
      const lifespan = dottedName(keywordArgument(call, 'lifespan'));
      if (lifespan) names.push(lifespan);
      for (const hook of keywordArgument(call, 'on_startup')?.namedChildren ?? []) {
        const name = dottedName(hook);
        if (name) names.push(name);
      }
    } else if (callee.endsWith('.on_startup.append') || callee.endsWith('.on_startup.insert')) {
      const name = dottedName(positionalArguments(call).at(-1));
      if (name) names.push(name);
    } else if (HOOK_REGISTRATIONS.has(lastPart(callee)!)) {
      const [event, hook] = positionalArguments(call);
      const name = dottedName(hook);
      if (name && stringValue(event) === 'startup') names.push(name);
    }
  }
  return names;
}

function topLevelFunction(module: PythonModule, name: string): Node | undefined {
  for (const statement of module.root.namedChildren) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === name) return definition;
  }
  return undefined;
}

function isTopLevel(definition: Node): boolean {
  const parent = definition.parent?.type === 'decorated_definition' ? definition.parent.parent : definition.parent;
  return parent?.type === 'module';
}

function isMethodOf(definition: Node, base: RegExp): boolean {
  const owner = definition.parent?.type === 'decorated_definition' ? definition.parent.parent : definition.parent;
  const klass = owner?.type === 'block' ? owner.parent : undefined;
  if (klass?.type !== 'class_definition') return false;
  return (klass.childForFieldName('superclasses')?.namedChildren ?? []).some((superclass) => base.test(dottedName(superclass) ?? ''));
}

