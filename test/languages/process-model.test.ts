import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../checks/define-check.ts';
import { processModel } from '../../checks/support/process-model/index.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { loadShellGrammar } from '../../src/languages/shell/parse-shell.ts';

beforeAll(async () => {
  await loadShellGrammar();
});

/** The model of a repository as `process role (site): command @ chain` lines, one per command. */
function model(files: Record<string, string>): string[] {
  const memo = new Map<string, unknown>();
  const context = {
    repo: new MemoryRepository(files),
    perRun<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  } as unknown as CheckContext;
  return processModel(context).paths.flatMap((path) =>
    path.commands.map(
      (command) =>
        `${path.process} ${command.role}${command.branch ? `/${command.branch}` : ''}: ${command.words.map((word) => word.value).join(' ')} @ ${command.chain.map((hop) => `${hop.file}:${hop.line}`).join(' > ')}${path.mains.includes(command) ? ' [main]' : ''}`,
    ),
  );
}

describe('the process model', () => {
  it('reads Procfile types with their roles, development Procfiles not at all', () => {
    expect(model({ Procfile: 'web: gunicorn app:app\nworker: celery -A app worker\nclock: celery -A app beat\nrelease: flask db upgrade\n', 'Procfile.dev': 'web: flask run\n' })).toEqual([
      'web web: gunicorn app:app @ Procfile:1 [main]',
      'worker worker: celery -A app worker @ Procfile:2 [main]',
      'clock clock: celery -A app beat @ Procfile:3 [main]',
      'release release: flask db upgrade @ Procfile:4',
    ]);
  });

  it('reads heroku.yml run and release commands, and the Dockerfile a process without run builds', () => {
    const files = {
      'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\n    worker: worker/Dockerfile\nrelease:\n  image: web\n  command:\n    - ./bin/release\nrun:\n  web: bundle exec puma -C config/puma.rb\n',
      Dockerfile: 'FROM ruby:3.3.5\nCMD ["bundle", "exec", "puma"]\n',
      'worker/Dockerfile': 'FROM ruby:3.3.5\nCMD ["bundle", "exec", "sidekiq"]\n',
    };
    const lines = model(files);
    expect(lines).toContain('web web: puma -C config/puma.rb @ heroku.yml:10 [main]');
    expect(lines).toContain('worker worker: sidekiq @ worker/Dockerfile:2 [main]');
  });

  it('follows an image entrypoint into its script with the CMD as arguments, and picks the dispatch branch', () => {
    const files = {
      Dockerfile: 'FROM python:3.12.5\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./entrypoint.sh"]\nCMD ["worker"]\n',
      'entrypoint.sh': '#!/bin/sh\nset -e\ncase "$1" in\n  web) exec gunicorn app:app ;;\n  worker) exec celery -A app worker ;;\nesac\n',
    };
    expect(model(files)).toEqual([
      'image worker: ./entrypoint.sh worker @ Dockerfile:4',
      'image worker: set -e @ Dockerfile:4 > entrypoint.sh:2',
      'image worker/worker: celery -A app worker @ Dockerfile:4 > entrypoint.sh:5 [main]',
    ]);
  });

  it('gives a compose service its role: one-off services are release, a published port is web', () => {
    const files = {
      'docker-compose.yml':
        'services:\n  migrate:\n    image: app:1.2.0\n    command: alembic upgrade head\n  api:\n    image: app:1.2.0\n    command: ["uvicorn", "app.main:app"]\n    ports: ["8000:8000"]\n  jobs:\n    image: app:1.2.0\n    command: rq worker\n  db:\n    image: postgres:16.4\n',
    };
    expect(model(files)).toEqual([
      'migrate release: alembic upgrade head @ docker-compose.yml:4',
      'api web: uvicorn app.main:app @ docker-compose.yml:7 [main]',
      'jobs worker: rq worker @ docker-compose.yml:11 [main]',
    ]);
  });

  it('counts an unreferenced script only when its name is a start name and it ends by starting a server', () => {
    expect(model({ 'start.sh': '#!/bin/sh\nexec node server.js\n', 'scripts/backup.sh': '#!/bin/sh\npg_dump "$DATABASE_URL"\n', 'dev/start.sh': '#!/bin/sh\nexec nodemon server.js\n' })).toEqual([
      'start script web: node server.js @ start.sh:2 [main]',
    ]);
    expect(model({ 'run.sh': '#!/bin/sh\nexec "$@"\n' })).toEqual([]);
  });

  it('uses the production stage when the last stage is for development', () => {
    const files = { Dockerfile: 'FROM node:22.9.0 AS production\nCMD ["node", "dist/main.js"]\n\nFROM production AS dev\nCMD ["npx", "nodemon", "src/main.ts"]\n' };
    expect(model(files)).toEqual(['image web: node dist/main.js @ Dockerfile:2 [main]']);
  });
});

describe('scripts a development site runs', () => {
  it('are neither start paths nor unreferenced start scripts', () => {
    expect(model({ 'Procfile.dev': 'web: ./start.sh\n', 'start.sh': '#!/bin/sh\nexec nodemon server.js\n' })).toEqual([]);
    expect(model({ 'docker-compose.dev.yml': 'services:\n  web:\n    build: .\n    command: ./bin/web\n', 'bin/web': '#!/bin/sh\nexec flask run\n' })).toEqual([]);
  });
});
