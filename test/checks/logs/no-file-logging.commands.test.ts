import check from '../../../checks/logs/no-file-logging/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\n`;

testCheck(check, {
  valid: [
    { name: '- as the log file', filename: 'Procfile', code: `web: gunicorn app:app --access-logfile - --error-logfile - --log-file=-\n` },
    {
      name: 'the standard streams under other names',
      filename: 'start.sh',
      code: `#!/bin/sh\nexec gunicorn --access-logfile /dev/stdout --error-logfile /dev/stderr app:app >/proc/self/fd/1 2>/proc/1/fd/2\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: '2>&1 and a redirect-only exec 2>&1', filename: 'start.sh', code: `#!/bin/sh\nexec 2>&1\nexec gunicorn app:app 2>&1\n`, files: { Dockerfile: IMAGE } },
    {
      name: '> /dev/null and non-log files written by one-off commands',
      filename: 'start.sh',
      code: `#!/bin/sh\npython manage.py check > /dev/null\nenvsubst < config.template.json > public/config.json\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'a one-off release process', filename: 'Procfile', code: `release: python manage.py migrate > /var/log/migrate.log 2>&1\nweb: gunicorn app:app\n` },
    { name: '--log-config names a logging configuration', filename: 'Procfile', code: `web: gunicorn --log-config logging.conf app:app\n` },
    {
      name: 'a variable the script never assigns',
      filename: 'start.sh',
      code: `#!/bin/sh\nexec >>"$LOG_FILE" 2>&1\nexec gunicorn app:app --error-logfile "$ERROR_LOG"\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'a development Procfile', filename: 'Procfile.dev', code: `web: node server.js > dev.log 2>&1\n` },
    {
      name: 'a development compose service',
      filename: 'docker-compose.override.yml',
      code: `services:\n  web:\n    build: .\n    command: sh -c "gunicorn app:app >> /tmp/web.log"\n`,
    },
  ],
  invalid: [
    {
      name: 'a redirection on a Procfile line: at the operator, with a suggestion',
      filename: 'Procfile',
      code: `web: node server.js >> /var/log/app.log 2>&1\n`,
      errors: [{ messageId: 'outputRedirect', line: 1, column: 21, replacement: 'web: node server.js 2>&1', messageIncludes: 'the file /var/log/app.log (Procfile line 1)' }],
    },
    {
      name: 'celery --logfile on a worker line',
      filename: 'Procfile',
      code: `web: gunicorn app:app\nworker: celery -A proj worker --logfile=/var/log/celery/%n.log\n`,
      errors: [{ messageId: 'logFileOption', line: 2, replacement: null, messageIncludes: 'the worker process runs `celery -A proj worker --logfile=/var/log/celery/%n.log` with `--logfile`' }],
    },
    {
      name: 'exec >"$LOG_FILE" assigned earlier, and a gunicorn log option, in the script the image runs',
      filename: 'start.sh',
      code: `#!/bin/sh\nLOG_FILE=/var/log/api.log\nexec >>"$LOG_FILE" 2>&1\npython manage.py check\nexec gunicorn app:app --access-logfile /var/log/access.log\n`,
      files: { Dockerfile: IMAGE },
      errors: [
        { messageId: 'execOutput', line: 3, replacement: 'exec 2>&1', messageIncludes: 'the file /var/log/api.log (Dockerfile line 4 → start.sh line 3)' },
        { messageId: 'logFileOption', line: 5, replacement: 'exec gunicorn app:app --access-logfile -' },
      ],
    },
    {
      name: 'on the function that runs the server: at the call',
      filename: 'start.sh',
      code: `#!/bin/sh\nstart_server() {\n  exec uvicorn app.main:app --host 0.0.0.0\n}\nstart_server > logs/out.log 2>&1\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'outputRedirect', line: 5, messageIncludes: '`start_server`' }],
    },
    {
      name: 'on a group running a worker',
      filename: 'start.sh',
      code: `#!/bin/bash\n{ echo "worker up"; celery -A proj worker; } &> /var/log/worker.log &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'outputRedirect', line: 2, messageIncludes: '/var/log/worker.log' }],
    },
    {
      name: 'exec >FILE reaches the script run after it',
      filename: 'start.sh',
      code: `#!/bin/sh\nexec > /var/log/app.log 2>&1\n./bin/server.sh\n`,
      files: { Dockerfile: IMAGE, 'bin/server.sh': `#!/bin/sh\nexec node server.js\n` },
      errors: [{ messageId: 'execOutput', line: 2 }],
    },
    {
      name: '| tee FILE keeps the stream: notice at the file',
      filename: 'start.sh',
      code: `#!/bin/sh\ngunicorn app:app 2>&1 | tee -a /var/log/app.log\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'teeCopy', line: 2, column: 32, severity: 'notice' }],
    },
    {
      name: 'a compose command',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    image: registry.example.com/app:4.2.0\n    command: sh -c "uwsgi --ini app.ini --logto /var/log/uwsgi.log"\n    ports: ["8000:8000"]\n`,
      errors: [{ messageId: 'logFileOption', line: 4, messageIncludes: '`--logto`' }],
    },
    {
      name: 'the package script the Procfile runs: at its key, no suggestion',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "node dist/main.js > logs/app.log"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'outputRedirect', line: 3, replacement: null, messageIncludes: '(Procfile line 1 → package.json line 3)' }],
    },
    {
      name: 'pm2 log options',
      filename: 'Procfile',
      code: `web: pm2 start app.js --no-daemon -o /var/log/out.log -e /var/log/err.log\n`,
      errors: [
        { messageId: 'logFileOption', line: 1, column: 35 },
        { messageId: 'logFileOption', line: 1, column: 55 },
      ],
    },
    {
      name: 'heroku.yml run.web',
      filename: 'heroku.yml',
      code: `build:\n  docker:\n    web: Dockerfile\nrun:\n  web: bundle exec puma -C config/puma.rb --redirect-stdout log/puma.log\n`,
      errors: [{ messageId: 'logFileOption', line: 5, messageIncludes: '`--redirect-stdout`' }],
    },
    {
      name: 'a shell-form Dockerfile command',
      filename: 'Dockerfile',
      code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD node server.js >> /var/log/app.log 2>&1\n`,
      errors: [{ messageId: 'outputRedirect', line: 4, replacement: null }],
    },
  ],
});
