import check from '../../../checks/admin-processes/no-migrate-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const DJANGO_IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["gunicorn", "mysite.wsgi"]\n`;
const DISPATCH_IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./entrypoint.sh"]\n`;

testCheck(check, {
  valid: [
    { name: 'release phase runs the migration', filename: 'Procfile', code: `release: npm run migrate\nweb: npm start\nworker: node dist/worker.js\n` },
    {
      name: 'start script that only starts the server',
      filename: 'Procfile',
      code: `web: npm start\n`,
      files: { 'package.json': JSON.stringify({ scripts: { migrate: 'knex migrate:latest', start: 'node server.js' } }) },
    },
    { name: 'local Procfile for foreman', filename: 'Procfile.dev', code: `web: npm run migrate && npm run dev\n` },
    { name: 'a flag and an echo mentioning migrations', filename: 'Procfile', code: `web: echo "migrations run in release" && node server.js --skip-migrations\n` },
    { name: 'commented-out web line', filename: 'Procfile', code: `# web: npm run migrate && npm start\nweb: node dist/main.js\n` },
    {
      name: 'a separate migrate script and a prestart that only builds',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "migrate": "knex migrate:latest",\n    "prestart": "npm run build",\n    "start": "node dist/server.js"\n  }\n}\n`,
      files: { Procfile: `web: npm start\nrelease: npm run migrate\n` },
    },
    { name: 'another process type', filename: 'Procfile', code: `web: node dist/main.js\nmigrate: npx prisma migrate deploy\n` },
    {
      name: 'a check that changes nothing before exec gunicorn',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nset -e\npython manage.py migrate --check\nexec gunicorn mysite.wsgi --bind 0.0.0.0:8000\n`,
      files: { Dockerfile: DJANGO_IMAGE },
    },
    {
      name: 'scripts/migrate.sh run only as a release process',
      filename: 'scripts/migrate.sh',
      code: `#!/bin/sh\nset -e\npython manage.py migrate --noinput\n`,
      files: { Procfile: `release: sh scripts/migrate.sh\nweb: gunicorn mysite.wsgi\n` },
    },
    {
      name: 'the migrate) branch of a dispatch',
      filename: 'entrypoint.sh',
      code: `#!/bin/sh\ncase "$1" in\n  migrate) exec python manage.py migrate ;;\n  web) exec gunicorn mysite.wsgi ;;\n  *) exec "$@" ;;\nesac\n`,
      files: { Dockerfile: DISPATCH_IMAGE },
    },
    {
      name: 'the image CMD selects the web branch, not migrate',
      filename: 'entrypoint.sh',
      code: `#!/bin/sh\nif [ "$1" = "migrate" ]; then\n  python manage.py migrate\nfi\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: `${DISPATCH_IMAGE}CMD ["web"]\n` },
    },
    {
      name: 'a function that is never called',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nmigrate() {\n  python manage.py migrate\n}\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
    },
    {
      name: 'words in comments, echo text and here-documents',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\n# python manage.py migrate runs in the release phase\necho "run: python manage.py migrate"\ncat > /tmp/help.txt <<EOF\npython manage.py migrate\nEOF\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
    },
    {
      name: 'a one-off compose service',
      filename: 'docker-compose.yml',
      code: `services:\n  migrate:\n    build: .\n    command: python manage.py migrate\n  web:\n    build: .\n    command: gunicorn mysite.wsgi\n    ports: ["8000:8000"]\n`,
    },
    {
      name: 'a development compose service that bind-mounts its source',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    build: .\n    command: sh -c "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"\n    volumes:\n      - .:/app\n    ports: ["8000:8000"]\n`,
    },
    { name: 'heroku.yml release', filename: 'heroku.yml', code: `build:\n  docker:\n    web: Dockerfile\nrelease:\n  image: web\n  command:\n    - python manage.py migrate\nrun:\n  web: gunicorn mysite.wsgi\n` },
    {
      name: 'a suppression in the script, with its reason',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\n# twelve-factor-ignore-next-line admin-processes/no-migrate-in-web -- single-replica admin service, migrations are idempotent\npython manage.py migrate --noinput\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
    },
    {
      name: 'an unreferenced script whose name marks tooling',
      filename: 'scripts/setup.sh',
      code: `#!/bin/sh\npython manage.py migrate\npython manage.py runserver\n`,
    },
  ],
  invalid: [
    {
      filename: 'Procfile',
      code: `web: npm run migrate && npm start\nworker: node worker.js\n`,
      errors: [{ messageId: 'startPath', line: 1, column: 6, replacement: 'release: npm run migrate\nweb: npm start', messageIncludes: '(Procfile line 1)' }],
    },
    {
      name: 'a release phase already exists: no suggestion',
      filename: 'Procfile',
      code: `release: node scripts/check-env.js\nweb: npx prisma migrate deploy && node dist/main.js\n`,
      errors: [{ messageId: 'startPath', line: 2, replacement: null, messageIncludes: '`prisma migrate deploy`' }],
    },
    {
      name: 'through the start script: at the script in package.json',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "knex migrate:latest && node server.js"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'startPath', line: 3, messageIncludes: '(Procfile line 1 → package.json line 3)' }],
    },
    {
      name: 'a start script running migrations through another script: at the line naming it',
      filename: 'package.json',
      code: `{\n  "name": "api",\n  "scripts": {\n    "db:up": "sequelize db:migrate",\n    "start": "npm run db:up && node server.js"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'startPath', line: 5, messageIncludes: '`npm run db:up`' }],
    },
    {
      name: 'a prestart script',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "prestart": "sequelize db:migrate",\n    "start": "node server.js"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'startPath', line: 3 }],
    },
    {
      name: 'Django on a Procfile line',
      filename: 'Procfile',
      code: `web: python manage.py migrate --noinput && gunicorn app.wsgi --log-file -\n`,
      errors: [{ messageId: 'startPath', line: 1, replacement: 'release: python manage.py migrate --noinput\nweb: gunicorn app.wsgi --log-file -' }],
    },
    {
      name: 'through a repository script: at the script line',
      filename: 'bin/start.sh',
      code: `#!/bin/sh\nbundle exec rake db:migrate\nexec bundle exec puma -C config/puma.rb\n`,
      files: { Procfile: `web: bin/start.sh\n` },
      errors: [{ messageId: 'startPath', line: 2, messageIncludes: '(Procfile line 1 → bin/start.sh line 2)' }],
    },
    {
      name: 'sequenced with ; : no suggestion',
      filename: 'Procfile',
      code: `web: flask db upgrade; gunicorn app:app\n`,
      errors: [{ messageId: 'startPath', line: 1, replacement: null }],
    },
    {
      name: 'the Django entrypoint run by the image',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nset -e\n\necho "Applying migrations"\npython manage.py migrate --noinput\n\nexec gunicorn mysite.wsgi:application --bind 0.0.0.0:8000\n`,
      files: { Dockerfile: DJANGO_IMAGE },
      errors: [{ messageId: 'startPath', line: 5, messageIncludes: '(Dockerfile line 5 → docker-entrypoint.sh line 5)' }],
    },
    {
      name: 'a migration that may fail still runs (|| true), inside a called function',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nprepare() {\n  python manage.py migrate || true\n}\nprepare\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
      errors: [{ messageId: 'startPath', line: 3 }],
    },
    {
      name: 'the web branch of a dispatch, and the part every branch runs',
      filename: 'entrypoint.sh',
      code: `#!/bin/sh\nalembic upgrade head\ncase "$1" in\n  web) npx prisma migrate deploy; exec node dist/main.js ;;\n  migrate) exec alembic upgrade head ;;\n  *) exec "$@" ;;\nesac\n`,
      files: { Dockerfile: DISPATCH_IMAGE },
      errors: [
        { messageId: 'startPath', line: 2 },
        { messageId: 'startPath', line: 4, messageIncludes: 'the web process' },
      ],
    },
    {
      name: 'Rails: the branch the image arguments select',
      filename: 'bin/docker-entrypoint',
      code: `#!/bin/bash -e\nif [ "\${1}" == "./bin/rails" ] && [ "\${2}" == "server" ]; then\n  ./bin/rails db:prepare\nfi\nexec "\${@}"\n`,
      files: { Dockerfile: `FROM ruby:3.3\nWORKDIR /rails\nCOPY . .\nENTRYPOINT ["/rails/bin/docker-entrypoint"]\nCMD ["./bin/rails", "server"]\n` },
      errors: [{ messageId: 'startPath', line: 3 }],
    },
    {
      name: 'an opt-in guard that is off by default: notice',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nif [ "\${RUN_MIGRATIONS:-false}" = "true" ]; then\n  python manage.py migrate\nfi\n[ -n "$SEED" ] && python manage.py loaddata fixtures.json\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
      errors: [
        { messageId: 'startPath', line: 3, severity: 'notice' },
        { messageId: 'startPath', line: 5, severity: 'notice' },
      ],
    },
    {
      name: 'a guard that is on by default: warning',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nif [ "\${RUN_MIGRATIONS:-true}" = "true" ]; then\n  python manage.py migrate\nfi\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: DJANGO_IMAGE },
      errors: [{ messageId: 'startPath', line: 3, severity: 'warning' }],
    },
    {
      name: 'a compose web service migrating in sh -c',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    image: registry.example.com/shop:1.4.2\n    command: sh -c "npx prisma migrate deploy && node dist/main.js"\n    ports: ["3000:3000"]\n`,
      errors: [{ messageId: 'startPath', line: 4 }],
    },
    {
      name: 'a worker migrates too',
      filename: 'Procfile',
      code: `web: gunicorn app:app\nworker: alembic upgrade head && celery -A app worker\n`,
      errors: [{ messageId: 'startPath', line: 2, messageIncludes: 'the worker process' }],
    },
    {
      name: 'a script sourced by the entrypoint',
      filename: 'lib/prepare.sh',
      code: `python manage.py migrate\n`,
      files: { 'docker-entrypoint.sh': `#!/bin/sh\n. ./lib/prepare.sh\nexec gunicorn mysite.wsgi\n`, Dockerfile: DJANGO_IMAGE.replace('COPY docker-entrypoint.sh /usr/local/bin/\n', '') },
      errors: [{ messageId: 'startPath', line: 1, messageIncludes: 'docker-entrypoint.sh line 2 → lib/prepare.sh line 1' }],
    },
    {
      name: 'an unreferenced start script',
      filename: 'start.sh',
      code: `#!/bin/sh\nnpx knex migrate:latest\nexec node dist/server.js\n`,
      errors: [{ messageId: 'startPath', line: 2 }],
    },
  ],
});
