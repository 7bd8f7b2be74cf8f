import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { calleeName, dottedName, lastPart, positionalArguments, qualifiedName, stringValue } from './syntax.ts';

/** A call that changes the database schema: it runs migrations, or creates (drops) tables itself. */
export interface SchemaChange {
  readonly kind: 'migrations' | 'tables';
  /** How the call reads in a message: `db.create_all()`, `call_command("migrate")`. */
  readonly label: string;
}

/** Library functions that apply migrations. */
const MIGRATION_FUNCTIONS = new Set(['alembic.command.upgrade', 'alembic.command.downgrade', 'flask_migrate.upgrade', 'flask_migrate.downgrade']);
const TABLE_METHODS = new Set(['create_all', 'drop_all']);
const SQLALCHEMY_OBJECTS = new Set(['flask_sqlalchemy.SQLAlchemy', 'sqlalchemy.MetaData']);

/**
 * The schema change `call` makes: Flask-SQLAlchemy `db.create_all()`, SQLAlchemy
 * `Base.metadata.create_all(engine)` (also handed to `conn.run_sync(…)`), `drop_all`, Alembic
 * `command.upgrade`, Flask-Migrate `upgrade()`, Django `call_command("migrate")`.
 */
export function schemaChangeCall(module: PythonModule, call: Node): SchemaChange | undefined {
  const callee = calleeName(module, call);
  if (callee === undefined) return undefined;
  if (MIGRATION_FUNCTIONS.has(callee)) return { kind: 'migrations', label: `${call.childForFieldName('function')!.text}()` };
  if (callee === 'django.core.management.call_command') {
    const [name] = positionalArguments(call);
    return stringValue(name) === 'migrate' ? { kind: 'migrations', label: `call_command("migrate")` } : undefined;
  }
  const method = lastPart(callee)!;
  if (TABLE_METHODS.has(method) && isTableOwner(module, call.childForFieldName('function')?.childForFieldName('object'))) {
    return { kind: 'tables', label: `${dottedName(call.childForFieldName('function'))}()` };
  }
  // `await conn.run_sync(Base.metadata.create_all)`: the method handed over, called by SQLAlchemy.
  if (method === 'run_sync') {
    const [handed] = positionalArguments(call);
    const name = dottedName(handed);
    if (handed && TABLE_METHODS.has(lastPart(name) ?? '') && isTableOwner(module, handed.childForFieldName('object'))) {
      return { kind: 'tables', label: `${name}()` };
    }
  }
  return undefined;
}

/** `db` (a Flask-SQLAlchemy object), `metadata`, `Base.metadata`, `SQLModel.metadata`. */
function isTableOwner(module: PythonModule, receiver: Node | null | undefined): boolean {
  const name = dottedName(receiver);
  if (name === undefined) return false;
  if (name === 'db' || name === 'metadata' || name.endsWith('.metadata')) return true;
  const bound = module.constants.get(name);
  return bound?.type === 'call' && SQLALCHEMY_OBJECTS.has(qualifiedName(module, bound.childForFieldName('function')) ?? '');
}
