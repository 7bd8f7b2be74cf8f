import type { CallExpression } from 'ts-morph';
import { Node } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { propertyValue, resolveValue, unwrap } from './constants.ts';
import { importsAny } from './imports.ts';
import { moduleReference } from './module-reference.ts';

/** A call that changes the database schema: runs migrations or syncs models to tables. */
export interface SchemaChangeCall {
  /** The call as written, shortened for messages: `knex.migrate.latest()`. */
  label: string;
  /** Sequelize `sync()`: `destructive` with `alter`/`force` on, `plain` otherwise. */
  sync?: 'destructive' | 'plain';
}

const KNEX_MIGRATE = new Set(['latest', 'up', 'down', 'rollback']);
const TYPEORM_MIGRATE = new Set(['runMigrations', 'undoLastMigration']);

/**
 * Recognises knex `x.migrate.latest|up|down|rollback()`, TypeORM `runMigrations()` /
 * `undoLastMigration()`, Umzug `up()`/`down()`, Sequelize `sync()` and drizzle's `migrate()`.
 */
export function schemaChangeCall(context: CheckContext, call: CallExpression): SchemaChangeCall | undefined {
  const callee = unwrap(call.getExpression());
  if (Node.isPropertyAccessExpression(callee)) {
    const method = callee.getName();
    const receiver = unwrap(callee.getExpression());
    const receiverName = Node.isPropertyAccessExpression(receiver) ? receiver.getName() : Node.isIdentifier(receiver) ? receiver.getText() : '';
    if (KNEX_MIGRATE.has(method) && receiverName === 'migrate' && Node.isPropertyAccessExpression(receiver)) return { label: labelOf(call) };
    if (TYPEORM_MIGRATE.has(method)) return { label: labelOf(call) };
    if ((method === 'up' || method === 'down') && (/umzug|migrator/i.test(receiverName) || importsAny(context, ['umzug']))) {
      return { label: labelOf(call) };
    }
    if (method === 'sync' && isSequelize(context, receiver)) {
      const sync = syncMode(call);
      if (sync) return { label: labelOf(call), sync };
    }
    return undefined;
  }
  const reference = moduleReference(context, callee);
  if (reference && /^drizzle-orm\/.+\/migrator$/.test(reference.module) && reference.path.join('.') === 'migrate') return { label: labelOf(call) };
  return undefined;
}

/** A Sequelize instance or model: the file imports Sequelize, or the receiver is named after it. */
function isSequelize(context: CheckContext, receiver: Node): boolean {
  return /sequelize/i.test(receiver.getText()) || importsAny(context, ['sequelize', 'sequelize-typescript', '@sequelize/core']);
}

/** `sync()`, `sync({ force: true })`: undefined when the arguments do not fit Sequelize's `sync(options?)`. */
function syncMode(call: CallExpression): SchemaChangeCall['sync'] {
  const args = call.getArguments();
  if (args.length === 0) return 'plain';
  if (args.length > 1) return undefined;
  const options = resolveValue(args[0]!);
  if (!Node.isObjectLiteralExpression(options)) return undefined;
  for (const name of ['alter', 'force']) {
    const value = propertyValue(options, name);
    const resolved = value && resolveValue(value);
    if (resolved && (Node.isTrueLiteral(resolved) || Node.isObjectLiteralExpression(resolved))) return 'destructive';
  }
  return 'plain';
}

function labelOf(call: CallExpression): string {
  const callee = call.getExpression().getText().replace(/\s+/g, '');
  const options = call.getArguments().length > 0 ? '…' : '';
  return `${callee.length > 40 ? `…${callee.slice(-39)}` : callee}(${options})`;
}
