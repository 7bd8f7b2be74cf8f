import check from '../../../checks/disposability/signal-forwarding/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const IMAGE = `FROM node:22\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./start.sh"]\n`;
const SH_IMAGE = `FROM node:22\nCOPY start.sh /start.sh\nCMD ["sh", "/start.sh"]\n`;

testCheck(check, {
  valid: [
    { name: 'exec the server', filename: 'start.sh', code: `#!/bin/sh\nset -e\nnode scripts/migrate.js\nexec node dist/server.js\n`, files: { Dockerfile: SH_IMAGE } },
    { name: 'exec "$@" hands over', filename: 'start.sh', code: `#!/bin/sh\nset -e\nexec "$@"\n`, files: { Dockerfile: `${IMAGE}CMD ["node", "dist/server.js"]\n` } },
    { name: 'exec gosu', filename: 'start.sh', code: `#!/bin/sh\nchown -R app /data\nexec gosu app node dist/server.js\n`, files: { Dockerfile: IMAGE } },
    {
      name: 'a trap that forwards TERM to the child it waits for',
      filename: 'start.sh',
      code: `#!/bin/sh\ntrap 'kill -TERM "$child"' TERM INT\nnode dist/server.js &\nchild=$!\nwait "$child"\n`,
      files: { Dockerfile: IMAGE },
    },
    { name: 'tini -g signals the group', filename: 'start.sh', code: `#!/bin/sh\nnode dist/server.js\n`, files: { Dockerfile: `FROM node:22\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["tini", "-g", "--", "./start.sh"]\n` } },
    { name: 'dumb-init signals the group', filename: 'start.sh', code: `#!/bin/sh\nnode dist/server.js\n`, files: { Dockerfile: `FROM node:22\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["dumb-init", "./start.sh"]\n` } },
    { name: 'a Procfile start path (Heroku signals every process)', filename: 'bin/web', code: `#!/bin/bash\nnode dist/server.js\n`, files: { Procfile: `web: bin/web\n` } },
    { name: 'an unreferenced start script', filename: 'start.sh', code: `#!/bin/sh\nnode dist/server.js\n` },
    {
      name: 'a development compose service',
      filename: 'docker-compose.dev.yml',
      code: `services:\n  api:\n    build: .\n    command: sh -c "npm ci && node server.js"\n`,
    },
    { name: 'a one-off before the final exec', filename: 'start.sh', code: `#!/bin/sh\nnode scripts/check-env.js\nexec node dist/server.js\n`, files: { Dockerfile: IMAGE } },
  ],
  invalid: [
    {
      name: 'the last line of the image script, without exec',
      filename: 'start.sh',
      code: `#!/bin/sh\nset -e\nnode scripts/migrate.js\nnode dist/server.js\n`,
      files: { Dockerfile: SH_IMAGE },
      errors: [{ messageId: 'mainWithoutExec', line: 4, replacement: 'exec node dist/server.js', messageIncludes: '(Dockerfile line 3 → start.sh line 4)' }],
    },
    {
      name: 'continued over several lines',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\ngunicorn app:app \\\n  --workers 3\n`,
      files: { Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\n` },
      errors: [{ messageId: 'mainWithoutExec', line: 2 }],
    },
    {
      name: 'a bare "$@"',
      filename: 'start.sh',
      code: `#!/bin/sh\nset -e\n"$@"\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'handoverWithoutExec', line: 3, replacement: 'exec "$@"' }],
    },
    {
      name: 'node inside the function the script calls last',
      filename: 'start.sh',
      code: `#!/bin/sh\nrun_server() {\n  node dist/server.js\n}\nrun_server\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'mainWithoutExec', line: 3 }],
    },
    {
      name: 'the web) branch the image CMD selects',
      filename: 'start.sh',
      code: `#!/bin/sh\ncase "$1" in\n  web) uvicorn app.main:app --host 0.0.0.0 ;;\n  worker) exec celery -A app worker ;;\nesac\n`,
      files: { Dockerfile: `${IMAGE}CMD ["web"]\n` },
      errors: [{ messageId: 'mainWithoutExec', line: 3 }],
    },
    {
      name: 'a compose command in sh -c',
      filename: 'docker-compose.yml',
      code: `services:\n  api:\n    image: registry.example.com/api:2.1.0\n    command: sh -c "node scripts/wait.js && node server.js"\n`,
      errors: [{ messageId: 'mainWithoutExec', line: 4, replacement: '    command: sh -c "node scripts/wait.js && exec node server.js"' }],
    },
    {
      name: 'plain tini only signals the shell',
      filename: 'start.sh',
      code: `#!/bin/sh\nnode dist/server.js\n`,
      files: { Dockerfile: `FROM node:22\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["tini", "--", "./start.sh"]\n` },
      errors: [{ messageId: 'mainWithoutExec', line: 2 }],
    },
    {
      name: 'a restart loop keeps the shell as PID 1',
      filename: 'start.sh',
      code: `#!/bin/sh\nwhile true; do\n  node dist/server.js\ndone\n`,
      files: { Dockerfile: IMAGE },
      errors: [{ messageId: 'mainWithoutExec', line: 3, replacement: null }],
    },
  ],
});
