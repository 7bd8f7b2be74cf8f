import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { isDjangoSettingsModule } from '../../../src/languages/python/django-settings-module.ts';
import { envRead } from '../../../src/languages/python/environment.ts';
import { environmentSide } from '../../support/environment-side.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { calleeName, dottedName, enclosingFunction, keywordArgumentNode, lastPart, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import { isLocalRunCode } from '../../support/python-entry-points.ts';
import type { MessageId } from './index.ts';

/** Constructors of ASGI applications that take `debug=`. */
const DEBUG_APPLICATIONS = new Set(['fastapi.FastAPI', 'starlette.applications.Starlette', 'starlette.Starlette']);
/** Objects whose `run(debug=True)` starts a development server. */
const APPLICATION_CLASSES = new Set(['flask.Flask', 'quart.Quart', 'flask_socketio.SocketIO']);
const APPLICATION_NAMES = new Set(['app', 'application', 'server', 'api', 'socketio']);
/** Flask config methods taking settings as keywords. */
const CONFIG_METHODS = new Set(['update', 'from_mapping']);
/** Fallback strings that read as "on". */
const TRUTHY_TEXT = new Set(['true', '1', 'yes', 'on']);

interface Finding {
  node: Node;
  messageId: MessageId;
  data: Record<string, string>;
  /** The literal `True` a suggestion may turn into `False`. */
  literal?: Node;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/debug|reload/i.test(context.text)) return;
    const module = pythonModule(context);
    const findings = [...djangoDebug(context, module), ...callFindings(module), ...assignmentFindings(module)];
    for (const finding of findings.sort((a, b) => a.node.startIndex - b.node.startIndex)) {
      const local = isLocalRunCode(context, context.path, module, finding.node);
      const fix = finding.literal && finding.messageId === 'defaultOn' ? offFix(finding.literal) : undefined;
      context.report({
        range: [finding.node.startIndex, finding.node.endIndex],
        messageId: finding.messageId,
        data: finding.data,
        ...(local ? { severity: 'notice' as const } : {}),
        ...(fix ? { fix: { description: 'Default to debug off', edits: [fix] } } : {}),
      });
    }
  },
});

/**
 * Django's `DEBUG = True` when it is the module's last binding of DEBUG: a later conditional
 * binding or a star import (`from .local import *`) may turn it off, so those stay silent.
 */
function djangoDebug(context: CheckContext, module: PythonModule): Finding[] {
  if (!isDjangoSettingsModule(context.path, module) || isEnvironmentNamed(context.path)) return [];
  let last: Node | undefined;
  for (const node of nodesOfType(module, ['assignment', 'import_from_statement'])) {
    if (!node || enclosingFunction(node) || insideClass(node)) continue;
    if (node.type === 'import_from_statement') {
      if (node.descendantsOfType('wildcard_import').length > 0) last = node;
    } else if (node.childForFieldName('left')?.text === 'DEBUG') last = node;
  }
  if (last?.type !== 'assignment' || last.parent?.parent?.type !== 'module') return [];
  const value = last.childForFieldName('right');
  return value?.type === 'true' ? [{ node: last, messageId: 'debug', data: { setting: 'DEBUG = True' } }] : [];
}

/** `settings/dev.py`, `settings_local.py`, `production_settings.py`: config/no-env-grouped-config's business. */
function isEnvironmentNamed(filePath: string): boolean {
  const stem = filePath.split('/').at(-1)!.replace(/\.py$/, '');
  return stem.split(/[_.-]/).some((word) => environmentSide(word) !== undefined);
}

function insideClass(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'class_definition') return true;
  return false;
}

function callFindings(module: PythonModule): Finding[] {
  const findings: Finding[] = [];
  for (const call of module.calls) {
    const callee = calleeName(module, call);
    if (callee === undefined) continue;
    const keyword = (name: string): Node | undefined => {
      const argument = keywordArgumentNode(call, name);
      const value = argument?.childForFieldName('value');
      return value && resolveValue(module, value).type === 'true' ? argument : undefined;
    };
    if (callee === 'uvicorn.run') {
      const reload = keyword('reload');
      if (reload) findings.push({ node: reload, messageId: 'reload', data: { setting: 'uvicorn.run(reload=True)' } });
    }
    const method = lastPart(callee)!;
    const debug = keyword('debug');
    if (debug && (DEBUG_APPLICATIONS.has(callee) || (method === 'run' && isApplication(module, call)))) {
      findings.push({ node: debug, messageId: 'debug', data: { setting: `${DEBUG_APPLICATIONS.has(callee) ? lastPart(callee) : 'run'}(debug=True)` } });
    }
    const configDebug = CONFIG_METHODS.has(method) && callee.endsWith(`config.${method}`) ? keyword('DEBUG') : undefined;
    if (configDebug) findings.push({ node: configDebug, messageId: 'debug', data: { setting: `config.${method}(DEBUG=True)` } });
    findings.push(...debugDefaults(module, call, callee));
  }
  return findings;
}

/** `env.bool("DEBUG", default=True)`, `os.getenv("FLASK_DEBUG", "1")`, `environ.Env(DEBUG=(bool, True))`. */
function debugDefaults(module: PythonModule, call: Node, callee: string): Finding[] {
  const read = envRead(module, call);
  if (read?.name !== undefined && isDebugName(read.name) && read.fallback && isOn(read.fallback)) {
    return [{ node: read.fallback, messageId: 'defaultOn', data: { name: read.name }, literal: read.fallback }];
  }
  if (callee !== 'environ.Env') return [];
  const findings: Finding[] = [];
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const name = argument?.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : undefined;
    const scheme = argument?.childForFieldName('value');
    const fallback = scheme?.type === 'tuple' ? scheme.namedChildren[1] : undefined;
    if (name !== undefined && isDebugName(name) && fallback && isOn(fallback)) findings.push({ node: fallback, messageId: 'defaultOn', data: { name }, literal: fallback });
  }
  return findings;
}

/** `app.debug = True`, `app.config["DEBUG"] = True`. */
function assignmentFindings(module: PythonModule): Finding[] {
  const findings: Finding[] = [];
  for (const assignment of nodesOfType(module, 'assignment')) {
    const target = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (!assignment || !target || value?.type !== 'true') continue;
    if (target.type === 'attribute' && target.childForFieldName('attribute')?.text === 'debug' && isApplicationName(module, target.childForFieldName('object'))) {
      findings.push({ node: assignment, messageId: 'debug', data: { setting: `${target.text} = True` } });
    } else if (target.type === 'subscript' && stringValue(target.childForFieldName('subscript')) === 'DEBUG' && target.childForFieldName('value')?.type === 'attribute') {
      const holder = target.childForFieldName('value')!;
      if (holder.childForFieldName('attribute')?.text === 'config' && isApplicationName(module, holder.childForFieldName('object'))) {
        findings.push({ node: assignment, messageId: 'debug', data: { setting: `${target.text} = True` } });
      }
    }
  }
  return findings;
}

/** The receiver of `<app>.run(…)` is an application object. */
function isApplication(module: PythonModule, call: Node): boolean {
  const callee = call.childForFieldName('function');
  return callee?.type === 'attribute' && isApplicationName(module, callee.childForFieldName('object'));
}

/** `app`, `application`… or a module-level name bound to `Flask(…)`/`Quart(…)`/`SocketIO(…)`. */
function isApplicationName(module: PythonModule, node: Node | null): boolean {
  const name = dottedName(node);
  if (name === undefined || name.includes('.')) return false;
  const value = module.constants.get(name);
  if (value?.type === 'call') return APPLICATION_CLASSES.has(calleeName(module, value) ?? '');
  return APPLICATION_NAMES.has(name) && !module.imports.has(name);
}

function isDebugName(name: string): boolean {
  return name.toUpperCase().split('_').at(-1) === 'DEBUG';
}

function isOn(node: Node): boolean {
  if (node.type === 'true') return true;
  const text = stringValue(node);
  return text !== undefined && TRUTHY_TEXT.has(text.trim().toLowerCase());
}

/** `True` → `False`; `"1"` → `"0"`; `"true"` → `"false"` (the string's own quotes kept). */
function offFix(literal: Node): { start: number; end: number; text: string } | undefined {
  if (literal.type === 'true') return { start: literal.startIndex, end: literal.endIndex, text: 'False' };
  const content = literal.namedChildren.find((child) => child?.type === 'string_content');
  if (!content) return undefined;
  const off: Record<string, string> = { true: 'false', True: 'False', TRUE: 'FALSE', '1': '0', yes: 'no', on: 'off' };
  const replacement = off[content.text];
  return replacement === undefined ? undefined : { start: content.startIndex, end: content.endIndex, text: replacement };
}
