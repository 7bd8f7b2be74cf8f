import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { dictionaryEntries } from '../../../src/languages/python/dictionary-entries.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { calleeName, dottedName, enclosingFunction, lastPart, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** Django cache backends that live in one process (or on its disk), by class name. */
const LOCAL_CACHES = new Set(['LocMemCache', 'DummyCache', 'FileBasedCache']);
/** cachelib caches that live in one process or on its disk. */
const LOCAL_CACHELIB = new Set(['FileSystemCache', 'SimpleCache']);
/** Calls taking Flask configuration as keywords or a dict: `app.config.update(SESSION_TYPE=…)`. */
const CONFIG_UPDATES = new Set(['update', 'from_mapping']);

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (context.text.includes('SESSION_ENGINE')) reportDjangoEngine(context, pythonModule(context));
    if (context.text.includes('SESSION_TYPE')) reportFlaskSessionType(context, pythonModule(context));
  },
});

/** settings.py `SESSION_ENGINE`: file sessions, or cache sessions on a cache local to the process. */
function reportDjangoEngine(context: CheckContext<MessageId>, module: PythonModule): void {
  const engine = module.constants.get('SESSION_ENGINE');
  const name = stringValue(engine && resolveValue(module, engine));
  if (!engine || name === undefined) return;
  const range = [engine.parent!.startIndex, engine.parent!.endIndex] as const;
  if (name === 'django.contrib.sessions.backends.file') {
    context.report({ range, messageId: 'djangoFile' });
    return;
  }
  const cached = name === 'django.contrib.sessions.backends.cache';
  if (!cached && name !== 'django.contrib.sessions.backends.cached_db') return;
  const alias = sessionCacheAlias(context, module);
  const backend = alias === undefined ? undefined : cacheBackend(context, module, alias);
  if (alias === undefined || backend === undefined || !LOCAL_CACHES.has(backend)) return;
  if (cached) context.report({ range, messageId: 'djangoCache', data: { alias, backend } });
  else if (backend === 'LocMemCache') context.report({ range, messageId: 'djangoCachedDb', data: { alias }, severity: 'notice' });
}

/** `SESSION_CACHE_ALIAS`, `"default"` when the settings do not mention it; undefined when unresolved. */
function sessionCacheAlias(context: CheckContext<MessageId>, module: PythonModule): string | undefined {
  const alias = module.constants.get('SESSION_CACHE_ALIAS');
  if (alias) return stringValue(resolveValue(module, alias));
  return /\bSESSION_CACHE_ALIAS\b/.test(context.text) || hasStarImport(module) ? undefined : 'default';
}

/**
 * The class name of the backend of cache `alias`: from a `CACHES` dict literal, or Django's
 * LocMemCache when the settings define no `CACHES` at all; undefined when it cannot be told.
 */
function cacheBackend(context: CheckContext<MessageId>, module: PythonModule, alias: string): string | undefined {
  const caches = module.constants.get('CACHES');
  if (!caches) return /\bCACHES\b/.test(context.text) || hasStarImport(module) ? undefined : 'LocMemCache';
  const entry = dictionaryEntries(resolveValue(module, caches)).get(alias);
  const backend = stringValue(dictionaryEntries(entry?.value).get('BACKEND')?.value);
  return backend === undefined ? undefined : lastPart(backend);
}

/** `from .base import *`: settings may come from elsewhere. */
function hasStarImport(module: PythonModule): boolean {
  return module.root.namedChildren.some((statement) => statement?.type === 'import_from_statement' && statement.descendantsOfType('wildcard_import').length > 0);
}

/** Flask-Session `SESSION_TYPE`, wherever Flask configuration is written in this file. */
function reportFlaskSessionType(context: CheckContext<MessageId>, module: PythonModule): void {
  const cachelib = configValues(module, 'SESSION_CACHELIB');
  for (const { at, value } of configValues(module, 'SESSION_TYPE')) {
    const type = stringValue(resolveValue(module, value));
    if (type === 'filesystem') {
      context.report({ range: [at.startIndex, at.endIndex], messageId: 'flaskSession', data: { type, where: "in files on this process's disk" } });
    } else if (type === 'cachelib') {
      const cache = cachelib.length === 1 ? localCachelib(module, cachelib[0]!.value) : undefined;
      if (cache) context.report({ range: [at.startIndex, at.endIndex], messageId: 'flaskSession', data: { type, where: cache === 'SimpleCache' ? "in this process's memory" : "in files on this process's disk" } });
    }
  }
}

/** `FileSystemCache(…)` or `SimpleCache()` from cachelib, by class name. */
function localCachelib(module: PythonModule, value: Node): string | undefined {
  const resolved = resolveValue(module, value);
  const callee = resolved.type === 'call' ? calleeName(module, resolved) : undefined;
  const name = lastPart(callee);
  return callee?.startsWith('cachelib') && name !== undefined && LOCAL_CACHELIB.has(name) ? name : undefined;
}

/**
 * Where Flask configuration key `key` is set, and to what: a module- or class-level assignment
 * (config modules and classes), `app.config["KEY"] = …`, `app.config.update(KEY=…)` or a
 * `{"KEY": …}` dict given to one.
 */
function configValues(module: PythonModule, key: string): { at: Node; value: Node }[] {
  const found: { at: Node; value: Node }[] = [];
  for (const assignment of nodesOfType(module, 'assignment')) {
    const left = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (!assignment || !left || !value) continue;
    const byName = left.type === 'identifier' && left.text === key && !enclosingFunction(assignment);
    const bySubscript = left.type === 'subscript' && stringValue(left.childForFieldName('subscript')) === key && dottedName(left.childForFieldName('value'))?.endsWith('config') === true;
    if (byName || bySubscript) found.push({ at: assignment, value });
  }
  for (const call of module.calls) {
    if (!CONFIG_UPDATES.has(lastPart(dottedName(call.childForFieldName('function'))) ?? '')) continue;
    for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (argument?.type === 'keyword_argument' && argument.childForFieldName('name')?.text === key) found.push({ at: argument, value: argument.childForFieldName('value')! });
      const entry = dictionaryEntries(argument).get(key);
      if (entry) found.push({ at: entry.pair, value: entry.value });
    }
  }
  return found;
}
