import check from '../../../checks/build-release-run/no-build-at-start/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'build in RUN steps, exec-form start',
      filename: 'Dockerfile',
      code: `FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nRUN npm ci --omit=dev\nCMD ["node", "dist/server.js"]\n`,
    },
    {
      name: 'a CMD of a non-final stage does not run in the image',
      filename: 'Dockerfile',
      code: `FROM node:22 AS build\nCMD npm run build\n\nFROM node:22-slim\nCMD ["node", "server.js"]\n`,
    },
    {
      name: 'npm start whose script only starts node',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["npm", "start"]\n`,
      files: { 'package.json': JSON.stringify({ scripts: { build: 'tsc', start: 'node dist/server.js', poststart: 'echo done' } }) },
    },
    {
      name: 'a build script exists but the start path does not run it',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["yarn", "serve"]\n`,
      files: { 'package.json': JSON.stringify({ scripts: { build: 'tsc -p .', serve: 'node --enable-source-maps dist/main.js' } }) },
    },
    {
      name: 'entrypoint script without installs',
      filename: 'Dockerfile',
      code: `FROM node:22\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`,
      files: { 'docker-entrypoint.sh': `#!/bin/sh\nset -e\n# npm ci is done at build time\necho "node $(node --version)"\nexec "$@"\n` },
    },
    {
      name: 'git that only reads the checkout is not a pull',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["sh", "-c", "git log -1 --format=%H > /tmp/revision && exec node server.js"]\n`,
    },
    {
      name: 'type check only and dev-server words are not builds',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD npx tsc --noEmit && exec node dist/server.js\n`,
    },
    { name: 'build-time package hooks', filename: 'package.json', code: `{\n  "scripts": {\n    "postinstall": "prisma generate",\n    "build": "tsc",\n    "heroku-postbuild": "npm run build",\n    "start": "node dist/server.js"\n  }\n}\n`, files: { Procfile: `web: npm start\n` } },
    {
      name: 'a development compose service',
      filename: 'docker-compose.yml',
      code: `services:\n  api:\n    build: .\n    command: sh -c "pip install -r requirements-dev.txt && uvicorn app.main:app --reload"\n    volumes:\n      - ./:/app\n`,
    },
    { name: 'a one-off setup script', filename: 'bin/setup', code: `#!/bin/sh\nnpm ci\nnpm run build\n`, files: { Procfile: `release: bin/setup\nweb: node dist/server.js\n` } },
    { name: 'read-only probes and error text', filename: 'start.sh', code: `#!/bin/sh\npip check\nnpm ls --depth=0 || echo "rebuild the image (npm ci runs at build time)"\nexec node dist/server.js\n`, files: { Procfile: `web: sh start.sh\n` } },
  ],
  invalid: [
    {
      filename: 'Dockerfile',
      code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD npm install && npm start\n`,
      errors: [{ messageId: 'startPath', line: 4, messageIncludes: '`npm install`' }],
    },
    {
      name: 'start script that builds: at the line naming the build script',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "build": "tsc",\n    "start": "npm run build && node dist/server.js"\n  }\n}\n`,
      files: { Dockerfile: `FROM node:22\nCMD ["npm", "start"]\n` },
      errors: [{ messageId: 'startPath', line: 4, messageIncludes: '`npm run build` every time it starts (Dockerfile line 2 → package.json line 4)' }],
    },
    {
      name: 'prestart hook that compiles',
      filename: 'api/package.json',
      code: `{\n  "scripts": {\n    "prestart": "tsc",\n    "start": "node dist/server.js"\n  }\n}\n`,
      files: { 'api/Dockerfile': `FROM node:22\nCMD npm start\n` },
      errors: [{ messageId: 'startPath', line: 3, messageIncludes: '`tsc`' }],
    },
    {
      name: 'entrypoint script that pulls code',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nset -e\ncd /app && git pull origin main\nexec "$@"\n`,
      files: { Dockerfile: `FROM node:22\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n` },
      errors: [{ messageId: 'startPath', line: 3, messageIncludes: '(Dockerfile line 3 → docker-entrypoint.sh line 3)' }],
    },
    {
      name: 'sh -c in exec form',
      filename: 'Dockerfile',
      code: `FROM python:3.12\nCMD ["sh", "-c", "pip install -r requirements.txt && python app.py"]\n`,
      errors: [{ messageId: 'startPath', line: 2, messageIncludes: '`pip install -r requirements.txt`' }],
    },
    {
      name: 'CMD inherited from the stage the final stage is built from',
      filename: 'Dockerfile',
      code: `FROM node:22 AS base\nCMD yarn && \\\n  yarn start\n\nFROM base\nCOPY . .\n`,
      errors: [{ messageId: 'startPath', line: 2, messageIncludes: '`yarn`' }],
    },
    {
      name: 'compiler through npx, in a script run by sh',
      filename: 'scripts/start.sh',
      code: `#!/bin/sh\nnpx --yes tsc -p tsconfig.build.json\nexec node dist/index.js\n`,
      files: { Dockerfile: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["sh", "./scripts/start.sh"]\n` },
      errors: [{ messageId: 'startPath', line: 2, messageIncludes: 'which compiles the code' }],
    },
    {
      name: 'a Procfile web line that builds',
      filename: 'Procfile',
      code: `web: npm run build && npm start\n`,
      errors: [{ messageId: 'startPath', line: 1, messageIncludes: '`npm run build`' }],
    },
    {
      name: 'pip install before exec uvicorn, and collectstatic',
      filename: 'entrypoint.sh',
      code: `#!/bin/bash\npip install -r requirements.txt\npython manage.py collectstatic --noinput\nexec uvicorn app.asgi:application --host 0.0.0.0\n`,
      files: { Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./entrypoint.sh"]\n` },
      errors: [
        { messageId: 'startPath', line: 2, messageIncludes: 'installs dependencies' },
        { messageId: 'startPath', line: 3, messageIncludes: 'compiles the code' },
      ],
    },
    {
      name: 'nest start compiles, then runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start:prod": "nest start"\n  }\n}\n`,
      files: { Dockerfile: `FROM node:22\nCMD ["npm", "run", "start:prod"]\n` },
      errors: [{ messageId: 'startPath', line: 3 }],
    },
    {
      name: 'a compose service that installs at start',
      filename: 'docker-compose.yml',
      code: `services:\n  worker:\n    image: python:3.12\n    command: ["sh", "-c", "pip install -r requirements.txt && celery -A app worker"]\n`,
      errors: [{ messageId: 'startPath', line: 4, messageIncludes: 'the worker process' }],
    },
  ],
});
