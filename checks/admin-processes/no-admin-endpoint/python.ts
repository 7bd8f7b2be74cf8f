import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { calledFunctions } from '../../../src/languages/python/called-functions.ts';
import { decoratorsOf } from '../../../src/languages/python/decorators-of.ts';
import { requestHandlers } from '../../../src/languages/python/handlers.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { schemaChangeCall } from '../../../src/languages/python/schema-change-call.ts';
import { spawnedCommand } from '../../../src/languages/python/spawned-command.ts';
import { calleeName, dottedName, lastPart, positionalArguments, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import { adminTaskOfCommand } from '../../support/admin-task-of.ts';
import { basename, effectiveCommand, expandInlineShell, parseShellCommands } from '../../../src/languages/shell/commands.ts';
import type { MessageId } from './index.ts';

/** `seed_db()`, `run_seeds()`, `load_fixtures()`: helpers named after seeding; `random.seed(42)` is not one. */
const SEED_FUNCTION = /^(?:(?:run|do|load|apply)_seeds?|seed_(?:db|database|data|all)|load_fixtures|populate_(?:db|database))$/i;
/** Statements that change the schema, when a handler executes them as literal SQL. */
const DDL = /^\s*(?:(?:create|alter|drop)\s+(?:table|index|schema|database|extension)|truncate)\b/i;
/** Programs that make a command an admin task; anything else (media tools, `git rev-parse`) is the product's business. */
const ADMIN_PROGRAMS = new Set(['manage.py', 'django-admin', 'alembic', 'flask', 'psql', 'pg_dump', 'pg_restore', 'mysql', 'mysqldump', 'mongosh', 'mongo', 'mongodump', 'mongorestore', 'redis-cli']);
const VERB_DECORATORS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** redis-py methods that empty a cache; Celery's `app.control.purge()` is matched by its path. */
const FLUSH_METHODS = new Set(['flushall', 'flushdb']);

interface AdminOperation {
  messageId: MessageId;
  detail: string;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/create_all|drop_all|call_command|upgrade|seed|fixtures|populate|execute|subprocess|system\(|popen|flush|purge/i.test(context.text)) return;
    const handlers = requestHandlers(context);
    if (handlers.size === 0) return;
    const module = pythonModule(context);
    for (const handler of nodesOfType(module, 'function_definition')) {
      if (!handler || !handlers.has(handler.id)) continue;
      const operation = firstOperation(module, handler);
      if (!operation) continue;
      const route = routeOf(handler);
      context.report({ range: route.range, messageId: operation.messageId, data: { route: route.label, detail: operation.detail } });
    }
  },
});

function firstOperation(module: PythonModule, handler: Node): AdminOperation | undefined {
  for (const fn of calledFunctions(module, handler)) {
    for (const call of fn.descendantsOfType('call')) {
      const operation = call && adminOperation(module, call);
      if (operation) return operation;
    }
  }
  return undefined;
}

function adminOperation(module: PythonModule, call: Node): AdminOperation | undefined {
  const change = schemaChangeCall(module, call);
  if (change) return { messageId: 'migrations', detail: change.label };
  const callee = calleeName(module, call);
  if (callee === 'django.core.management.call_command') {
    const name = stringValue(resolveValue(module, positionalArguments(call)[0] ?? call));
    const detail = `call_command(${name === undefined ? '…' : `"${name}"`})`;
    return { messageId: name === 'loaddata' ? 'seeds' : 'command', detail };
  }
  const method = lastPart(callee);
  if (method && SEED_FUNCTION.test(method)) return { messageId: 'seeds', detail: `${dottedName(call.childForFieldName('function'))}()` };
  if ((method && FLUSH_METHODS.has(method)) || callee?.endsWith('.control.purge') === true) return { messageId: 'flush', detail: `${shorten(call.childForFieldName('function')!.text)}()` };
  if (method === 'execute' || method === 'executescript' || callee === 'sqlalchemy.text') {
    const statement = stringValue(resolveValue(module, positionalArguments(call)[0] ?? call));
    if (statement !== undefined && DDL.test(statement)) return { messageId: 'migrations', detail: shorten(statement) };
  }
  const spawned = spawnedCommand(module, call);
  if (spawned?.text === undefined) return undefined;
  const task = adminTaskOfCommand(spawned.text);
  if (task) return { messageId: task, detail: shorten(spawned.shown!) };
  return runsAdminProgram(spawned.text) ? { messageId: 'shell', detail: shorten(spawned.shown!) } : undefined;
}

/** `psql …`, `python manage.py flush`, `alembic downgrade base`, also inside `sh -c '…'`. */
function runsAdminProgram(text: string): boolean {
  return parseShellCommands(text).flatMap((command) => expandInlineShell(effectiveCommand(command).words)).some((command) => {
    const [program, first] = effectiveCommand(command).words.map((word) => basename(word.value));
    if (program === undefined) return false;
    if (/^python[\d.]*$/.test(program)) return first === 'manage.py';
    return ADMIN_PROGRAMS.has(program);
  });
}

/** Where a handler's finding sits, and how the message names it: its route decorator, else its `def`. */
function routeOf(handler: Node): { range: [number, number]; label: string } {
  for (const decorator of decoratorsOf(handler)) {
    const expression = decorator.namedChild(0);
    if (expression?.type !== 'call') continue;
    const path = stringValue(positionalArguments(expression)[0]);
    if (path === undefined || !path.startsWith('/')) continue;
    const verb = lastPart(dottedName(expression.childForFieldName('function')));
    const label = verb !== undefined && VERB_DECORATORS.has(verb) ? `${verb.toUpperCase()} ${path}` : path;
    return { range: [decorator.startIndex, decorator.endIndex], label };
  }
  const name = handler.childForFieldName('name')!;
  return { range: [handler.startIndex, name.endIndex], label: name.text };
}

function shorten(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
