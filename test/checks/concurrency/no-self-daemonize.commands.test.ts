import check from '../../../checks/concurrency/no-self-daemonize/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\n`;

testCheck(check, {
  valid: [
    { name: 'pm2-runtime stays in the foreground', filename: 'Procfile', code: `web: pm2-runtime start ecosystem.config.js\n` },
    { name: 'pm2 start --no-daemon', filename: 'Procfile', code: `web: pm2 start server.js --no-daemon\n` },
    { name: "nginx -g 'daemon off;'", filename: 'start.sh', code: `#!/bin/sh\nexec nginx -g 'daemon off;'\n`, files: { Dockerfile: IMAGE } },
    {
      name: '--daemon in a comment and echo text',
      filename: 'start.sh',
      code: `#!/bin/sh\n# gunicorn --daemon app:app used to run here\necho "never nohup gunicorn &"\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    {
      name: 'background jobs the script waits for',
      filename: 'start.sh',
      code: `#!/bin/sh\ncelery -A proj worker &\ngunicorn app:app &\nwait -n\n`,
      files: { Dockerfile: IMAGE },
    },
    {
      name: 'a plain & on a command that is not a server or worker',
      filename: 'start.sh',
      code: `#!/bin/sh\nsleep 5 &\n./scripts/warm-cache.sh &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'a development Procfile', filename: 'Procfile.dev', code: `web: gunicorn --reload --daemon app:app\nworker: nohup celery -A proj worker &\n` },
    {
      name: 'a development compose file',
      filename: 'docker-compose.dev.yml',
      code: `services:\n  web:\n    build: .\n    command: sh -c "celery -A proj worker & exec gunicorn app:app"\n`,
    },
    {
      name: 'a cron daemon is no-scheduler-in-web’s',
      filename: 'start.sh',
      code: `#!/bin/sh\ncron\nservice cron start\nsupercronic /app/crontab &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'a one-off release process', filename: 'Procfile', code: `release: nohup node scripts/notify.js &\nweb: node server.js\n` },
  ],
  invalid: [
    {
      name: 'a daemon flag on a Procfile line',
      filename: 'Procfile',
      code: `web: gunicorn app:app --daemon\n`,
      errors: [{ messageId: 'detached', line: 1, severity: 'warning', messageIncludes: 'its daemon flag `--daemon` (Procfile line 1)' }],
    },
    {
      name: 'celery multi start on a worker line',
      filename: 'Procfile',
      code: `web: gunicorn app:app\nworker: celery multi start w1 -A proj\n`,
      errors: [{ messageId: 'detached', line: 2, messageIncludes: 'the worker process' }],
    },
    {
      name: 'nohup … & in the script the image runs',
      filename: 'start.sh',
      code: `#!/bin/sh\nset -e\nnohup celery -A proj worker --loglevel=info &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'detached', line: 3, messageIncludes: '`nohup … &` (Dockerfile line 4 → start.sh line 3)' }],
    },
    {
      name: 'a known worker sent to the background and never waited for',
      filename: 'start.sh',
      code: `#!/bin/sh\ncelery -A proj worker &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'backgroundServer', line: 2, messageIncludes: '`celery -A proj worker`' }],
    },
    {
      name: '& disown, setsid, start-stop-daemon and services started next to the server',
      filename: 'start.sh',
      code: `#!/bin/bash\nnode jobs/worker.js & disown\nsetsid node jobs/mailer.js\nstart-stop-daemon --start --background --exec /usr/sbin/memcached\nservice nginx start\n/etc/init.d/redis-server start\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [
        { messageId: 'detached', line: 2, messageIncludes: '`& disown`' },
        { messageId: 'detached', line: 3, messageIncludes: '`setsid`' },
        { messageId: 'detached', line: 4, messageIncludes: '`start-stop-daemon --background`' },
        { messageId: 'detached', line: 5, messageIncludes: "`service nginx start` with the system's service manager" },
        { messageId: 'detached', line: 6, messageIncludes: '`/etc/init.d/redis-server start`' },
      ],
    },
    {
      name: 'nohup on a command that is not known to be a server: notice',
      filename: 'start.sh',
      code: `#!/bin/sh\nnohup ./bin/poller &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'detached', line: 2, severity: 'notice' }],
    },
    {
      name: 'a function sent to the background: at the call',
      filename: 'start.sh',
      code: `#!/bin/sh\nrun_jobs() {\n  bundle exec sidekiq\n}\nrun_jobs &\nexec bundle exec puma -C config/puma.rb\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'backgroundServer', line: 5, messageIncludes: '`run_jobs`' }],
    },
    {
      name: 'a compose command in sh -c',
      filename: 'docker-compose.yml',
      code: `services:\n  api:\n    image: registry.example.com/api:2.1.0\n    command: sh -c "redis-server --daemonize yes && exec node server.js"\n    ports: ["3000:3000"]\n`,
      errors: [{ messageId: 'detached', line: 4, messageIncludes: '`--daemonize`' }],
    },
    {
      name: 'pm2 start in the package script the Procfile runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "pm2 start ecosystem.config.js && pm2 logs"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'detached', line: 3, messageIncludes: "with pm2's own daemon (Procfile line 1 → package.json line 3)" }],
    },
    {
      name: 'heroku.yml run.web',
      filename: 'heroku.yml',
      code: `build:\n  docker:\n    web: Dockerfile\nrun:\n  web: forever start server.js && tail -f /dev/null\n`,
      errors: [{ messageId: 'detached', line: 5, messageIncludes: "forever's own daemon" }],
    },
    {
      name: 'the Dockerfile command itself',
      filename: 'Dockerfile',
      code: `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD gunicorn -D app:app && tail -f /dev/null\n`,
      errors: [{ messageId: 'detached', line: 4, messageIncludes: '`-D`' }],
    },
  ],
});
