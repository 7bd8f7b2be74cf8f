import check from '../../../checks/concurrency/no-scheduler-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\n`;

testCheck(check, {
  valid: [
    { name: 'dedicated clock processes', filename: 'Procfile', code: `web: gunicorn app:app\nclock: celery -A proj beat\ncron: supercronic /app/crontab\n` },
    {
      name: 'compose services whose main process is the scheduler',
      filename: 'docker-compose.yml',
      code: `services:\n  worker:\n    image: registry.example.com/app:1.0.0\n    command: celery -A proj beat --loglevel=info\n  cron:\n    image: registry.example.com/app:1.0.0\n    command: ["supercronic", "/app/crontab"]\n`,
    },
    { name: 'rq worker --with-scheduler runs its scheduler once across workers', filename: 'Procfile', code: `web: gunicorn app:app\nworker: rq worker --with-scheduler\n` },
    { name: 'a development Procfile', filename: 'Procfile.dev', code: `web: flask run\nworker: celery -A proj worker -B\n` },
    {
      name: 'cron in comments and echo text',
      filename: 'start.sh',
      code: `#!/bin/sh\n# cron runs in the clock process\necho "start cron in the clock service"\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
    },
    {
      name: 'a cron-only container has no server beside the scheduler',
      filename: 'start.sh',
      code: `#!/bin/sh\ncron\ntail -f /var/log/cron.log\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'a worker without beat', filename: 'Procfile', code: `worker: celery -A proj worker --concurrency 4 --loglevel=info\n` },
  ],
  invalid: [
    {
      name: 'embedded beat on a Procfile worker line: at the option',
      filename: 'Procfile',
      code: `web: gunicorn app:app\nworker: celery -A proj worker -B --loglevel=info\n`,
      errors: [{ messageId: 'embeddedBeat', line: 2, column: 31, messageIncludes: 'the worker process runs Celery beat inside its worker (`-B`, Procfile line 2)' }],
    },
    {
      name: 'embedded beat in a compose worker service',
      filename: 'docker-compose.yml',
      code: `services:\n  worker:\n    image: registry.example.com/app:1.0.0\n    command: celery -A proj worker --beat\n`,
      errors: [{ messageId: 'embeddedBeat', line: 4, messageIncludes: '`--beat`' }],
    },
    {
      name: 'cron daemons beside the server in the script the image runs',
      filename: 'start.sh',
      code: `#!/bin/sh\ncron\nservice cron start\nbusybox crond -f -L /dev/stdout &\nexec gunicorn app:app\n`,
      files: { Dockerfile: IMAGE },
      errors: [
        { messageId: 'schedulerBeside', line: 2, messageIncludes: '`cron` beside its server (Dockerfile line 4 → start.sh line 2)' },
        { messageId: 'schedulerBeside', line: 3 },
        { messageId: 'schedulerBeside', line: 4, messageIncludes: '`crond -f -L /dev/stdout`' },
      ],
    },
    {
      name: 'supercronic and schedule:work in the background beside php-fpm',
      filename: 'docker/start.sh',
      code: `#!/bin/sh\nsupercronic /etc/crontab &\nphp artisan schedule:work &\nexec php-fpm\n`,
      files: { Dockerfile: `FROM php:8.3-fpm\nWORKDIR /var/www\nCOPY . .\nCMD ["sh", "docker/start.sh"]\n` },
      errors: [
        { messageId: 'schedulerBeside', line: 2 },
        { messageId: 'schedulerBeside', line: 3 },
      ],
    },
    {
      name: 'before handing over to the image command',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\ncron\nexec "$@"\n`,
      files: { Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n` },
      errors: [{ messageId: 'schedulerBeside', line: 2 }],
    },
    {
      name: 'the package script the Procfile runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "supercronic ./crontab & node server.js"\n  }\n}\n`,
      files: { Procfile: `web: npm start\n` },
      errors: [{ messageId: 'schedulerBeside', line: 3, messageIncludes: '(Procfile line 1 → package.json line 3)' }],
    },
    {
      name: 'heroku.yml run.web and a worker',
      filename: 'heroku.yml',
      code: `build:\n  docker:\n    web: Dockerfile\nrun:\n  web: crond && gunicorn app:app\n  worker: sh -c 'cron && exec celery -A proj worker'\n`,
      errors: [
        { messageId: 'schedulerBeside', line: 5, messageIncludes: 'the web process' },
        { messageId: 'schedulerBeside', line: 6, messageIncludes: 'the worker process' },
      ],
    },
  ],
});
