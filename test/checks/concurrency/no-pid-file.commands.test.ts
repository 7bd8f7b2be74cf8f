import check from '../../../checks/concurrency/no-pid-file/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\n`;

testCheck(check, {
  valid: [
    { name: '/dev/null as the path', filename: 'Procfile', code: `web: bundle exec rails server -p $PORT --pid /dev/null\nworker: gunicorn -p /dev/null app:app\n` },
    {
      name: 'removing a stale PID file',
      filename: 'start.sh',
      code: `#!/bin/sh\nrm -f tmp/pids/server.pid\nexec bundle exec puma -C config/puma.rb\n`,
      files: { Dockerfile: IMAGE },
    },
    {
      name: '$$ in a log line',
      filename: 'start.sh',
      code: `#!/bin/sh\necho "starting as pid $$"\necho "started $$" >> /proc/1/fd/1\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    {
      name: 'a one-off release script',
      filename: 'bin/release.sh',
      code: `#!/bin/sh\necho $$ > /tmp/release.pid\npython manage.py migrate\n`,
      files: { Procfile: `release: bin/release.sh\nweb: gunicorn app:app\n` },
    },
    { name: 'a development Procfile', filename: 'Procfile.dev', code: `web: gunicorn --reload --pid /tmp/dev.pid app:app\n` },
    { name: 'celery --pidfile= with no path turns the file off', filename: 'Procfile', code: `web: gunicorn app:app\nbeat: celery -A proj beat --pidfile=\n` },
    { name: 'puma with its config (no PID file option)', filename: 'Procfile', code: `web: bundle exec puma -C config/puma.rb\n` },
  ],
  invalid: [
    {
      name: 'gunicorn --pid on a Procfile line: at the option',
      filename: 'Procfile',
      code: `web: gunicorn app:app --pid /tmp/gunicorn.pid\nworker: celery -A proj worker --pidfile=/var/run/celery/%n.pid\n`,
      errors: [
        { messageId: 'pidFileOption', line: 1, column: 23, messageIncludes: 'the PID file /tmp/gunicorn.pid (Procfile line 1)' },
        { messageId: 'pidFileOption', line: 2, messageIncludes: 'the worker process' },
      ],
    },
    {
      name: 'the script the image runs writes $$ and $!, and uwsgi keeps a PID file',
      filename: 'start.sh',
      code: `#!/bin/sh\necho $$ > /var/run/app.pid\nnode worker.js &\necho "$!" > /tmp/worker.pid\nexec uwsgi --ini app.ini --safe-pidfile /tmp/uwsgi.pid\n`,
      files: { Dockerfile: IMAGE },
      errors: [
        { messageId: 'pidFileWrite', line: 2, column: 9, messageIncludes: '/var/run/app.pid (Dockerfile line 4 → start.sh line 2)' },
        { messageId: 'pidFileWrite', line: 4, messageIncludes: '/tmp/worker.pid' },
        { messageId: 'pidFileOption', line: 5, messageIncludes: '/tmp/uwsgi.pid' },
      ],
    },
    {
      name: 'a path held in a variable the script assigns',
      filename: 'start.sh',
      code: `#!/bin/sh\nPIDFILE=/var/run/gunicorn.pid\nexec gunicorn --pid "$PIDFILE" app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'pidFileOption', line: 3, messageIncludes: 'the PID file /var/run/gunicorn.pid' }],
    },
    {
      name: 'a compose command as a list',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    image: registry.example.com/shop:3.0.1\n    command: ["bundle", "exec", "puma", "--pidfile", "/app/tmp/puma.pid"]\n    ports: ["3000:3000"]\n`,
      errors: [{ messageId: 'pidFileOption', line: 4 }],
    },
    {
      name: 'the package script the Procfile runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "node server.js & echo $! > server.pid; wait"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'pidFileWrite', line: 3, messageIncludes: '(Procfile line 1 → package.json line 3)' }],
    },
    {
      name: 'heroku.yml run.web',
      filename: 'heroku.yml',
      code: `build:\n  docker:\n    web: Dockerfile\nrun:\n  web: bundle exec rails server -b 0.0.0.0 -p $PORT -P /tmp/server.pid\n`,
      errors: [{ messageId: 'pidFileOption', line: 5 }],
    },
    {
      name: 'rails server handed over by exec "${@}" in the generated Rails entrypoint: notice at the handover',
      filename: 'bin/docker-entrypoint',
      code: `#!/bin/bash -e\nif [ "\${1}" == "./bin/rails" ] && [ "\${2}" == "server" ]; then\n  ./bin/rails db:prepare\nfi\n\nexec "\${@}"\n`,
      files: { Dockerfile: `FROM ruby:3.3\nWORKDIR /rails\nCOPY . .\nENTRYPOINT ["/rails/bin/docker-entrypoint"]\nCMD ["./bin/rails", "server"]\n` },
      errors: [{ messageId: 'railsPidFile', line: 6, severity: 'notice', messageIncludes: '(Dockerfile line 4 → bin/docker-entrypoint line 6)' }],
    },
    {
      name: "rails server's default PID file: notice",
      filename: 'Dockerfile',
      code: `FROM ruby:3.3\nWORKDIR /rails\nCOPY . .\nCMD ["./bin/rails", "server"]\n`,
      errors: [{ messageId: 'railsPidFile', line: 4, severity: 'notice' }],
    },
  ],
});
