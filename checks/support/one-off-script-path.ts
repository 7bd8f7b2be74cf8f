/** Directories of one-off commands (migrations, seeds, maintenance scripts), not of the app's processes. */
const ONE_OFF_DIRS = new Set(['scripts', 'script', 'bin', 'tools', 'migrations', 'migration', 'seeds', 'seeders', 'seed']);
/** `db/` and `database/` hold one-off commands at a package root (`db/migrate.ts`), not under the app's source. */
const DATABASE_DIRS = new Set(['db', 'database']);
const SOURCE_DIRS = new Set(['src', 'lib', 'app', 'server', 'api']);
/** `src/migrate.ts`, `seed-db.js`, `runMigrations.ts`: a command named after the admin task it runs. */
const ONE_OFF_NAME = /migrat|seed/i;

/**
 * True for a script that, by its path, is a one-off admin command rather than part of a
 * long-running process: anything under `scripts/`, `bin/`, `tools/`, `migrations/`, `seeds/`,
 * a `db/` or `database/` directory outside the application source (`db/`, not `src/db/`), or a
 * file named after migrations or seeds. Rules still treat such a file as the app when it starts
 * a server (`bin/www.js` that listens).
 */
export function isOneOffScriptPath(filePath: string): boolean {
  const segments = filePath.split('/');
  const dirs = segments.slice(0, -1);
  if (dirs.some((dir) => ONE_OFF_DIRS.has(dir))) return true;
  const database = dirs.findIndex((dir) => DATABASE_DIRS.has(dir));
  if (database !== -1 && !dirs.slice(0, database).some((dir) => SOURCE_DIRS.has(dir))) return true;
  const base = (segments.at(-1) ?? '').replace(/\.[^.]+$/, '');
  return ONE_OFF_NAME.test(base);
}
