import type { GeneratedFile } from './generate-repo.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * `scripts` shell scripts of the shapes start paths hold: entrypoints with a wait loop, a
 * dispatch, functions and `exec`, each tenth run by its service's Dockerfile and Procfile; the
 * rest one-off tasks. Deterministic for a seed.
 */
export function generateShellRepo(options: { scripts: number; seed: number }): GeneratedFile[] {
  const random = seededRandom(options.seed);
  const files: GeneratedFile[] = [];
  for (let index = 0; index < options.scripts; index++) {
    if (index % 10 === 0) {
      const dir = `services/svc-${index}`;
      const migrates = random.chance(0.3);
      files.push({ path: `${dir}/docker-entrypoint.sh`, content: entrypoint(index, migrates) });
      files.push({ path: `${dir}/Dockerfile`, content: `FROM python:3.12.5-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\nCMD ["web"]\n` });
    } else {
      files.push({ path: `scripts/task-${index}.sh`, content: task(index, random.chance(0.5)) });
    }
  }
  files.push({ path: 'Procfile', content: 'web: sh services/svc-0/docker-entrypoint.sh web\nworker: sh services/svc-0/docker-entrypoint.sh worker\n' });
  return files;
}

function entrypoint(index: number, migrates: boolean): string {
  return `#!/bin/sh
# Entrypoint of service ${index}: waits for its database, then starts the process type asked for.
set -eu

wait_for_db() {
  until pg_isready -h "\${DB_HOST:-db}" -p 5432; do
    echo "waiting for the database"
    sleep 1
  done
}

wait_for_db
${migrates ? 'python manage.py migrate --noinput\n' : ''}
case "\${1:-web}" in
  web)
    exec gunicorn service${index}.wsgi --bind "0.0.0.0:\${PORT:-8000}" --workers 3
    ;;
  worker)
    exec celery -A service${index} worker --loglevel INFO
    ;;
  migrate)
    exec python manage.py migrate --noinput
    ;;
  *)
    exec "$@"
    ;;
esac
`;
}

function task(index: number, withHereDocument: boolean): string {
  return `#!/usr/bin/env bash
# Task ${index}: exports a report.
set -euo pipefail

OUT="\${OUT_DIR:-/tmp}/report-${index}.csv"
log() { printf '%s %s\\n' "$(date -u +%FT%TZ)" "$*" >&2; }

if [[ -z "\${DATABASE_URL:-}" ]]; then
  log "DATABASE_URL is not set"
  exit 1
fi

for table in orders customers invoices; do
  log "exporting $table"
  psql "$DATABASE_URL" -c "\\\\copy $table to '$OUT.$table' csv header" || log "failed: $table"
done
${withHereDocument ? `cat > "$OUT.meta" <<EOF\ngenerated: $(date -u)\ntask: ${index}\nEOF\n` : ''}
log "done"
`;
}
