import check from '../../../checks/admin-processes/no-migrate-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

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
    { name: 'another process type', filename: 'Procfile', code: `web: node dist/main.js\nmigrate: npx prisma migrate deploy\n` },
  ],
  invalid: [
    {
      filename: 'Procfile',
      code: `web: npm run migrate && npm start\nworker: node worker.js\n`,
      errors: [{ messageId: 'direct', line: 1, column: 1, replacement: 'release: npm run migrate\nweb: npm start' }],
    },
    {
      name: 'a release phase already exists: no suggestion',
      filename: 'Procfile',
      code: `release: node scripts/check-env.js\nweb: npx prisma migrate deploy && node dist/main.js\n`,
      errors: [{ messageId: 'direct', line: 2, replacement: null, messageIncludes: '`npx prisma migrate deploy`' }],
    },
    {
      name: 'through the start script',
      filename: 'Procfile',
      code: `web: npm start\n`,
      files: { 'package.json': JSON.stringify({ scripts: { start: 'knex migrate:latest && node server.js' } }) },
      errors: [{ messageId: 'indirect', line: 1, replacement: null, messageIncludes: '`knex migrate:latest` (the "start" script of package.json)' }],
    },
    {
      name: 'Django',
      filename: 'Procfile',
      code: `web: python manage.py migrate --noinput && gunicorn app.wsgi --log-file -\n`,
      errors: [{ messageId: 'direct', line: 1, replacement: 'release: python manage.py migrate --noinput\nweb: gunicorn app.wsgi --log-file -' }],
    },
    {
      name: 'through a repository script',
      filename: 'Procfile',
      code: `web: bin/start.sh\n`,
      files: { 'bin/start.sh': `#!/bin/sh\nbundle exec rake db:migrate\nexec bundle exec puma -C config/puma.rb\n` },
      errors: [{ messageId: 'indirect', line: 1, replacement: null, messageIncludes: '(bin/start.sh line 2)' }],
    },
    {
      name: 'sequenced with ; : no suggestion',
      filename: 'Procfile',
      code: `web: flask db upgrade; gunicorn app:app\n`,
      errors: [{ messageId: 'direct', line: 1, replacement: null }],
    },
  ],
});
