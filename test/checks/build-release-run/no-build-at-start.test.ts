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
  ],
  invalid: [
    {
      filename: 'Dockerfile',
      code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD npm install && npm start\n`,
      errors: [{ messageId: 'direct', line: 4, messageIncludes: '`npm install`' }],
    },
    {
      name: 'start script that builds',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["npm", "start"]\n`,
      files: { 'package.json': JSON.stringify({ scripts: { build: 'tsc', start: 'npm run build && node dist/server.js' } }) },
      errors: [{ messageId: 'indirect', line: 2, messageIncludes: '`npm start` runs `npm run build` (the "start" script of package.json)' }],
    },
    {
      name: 'prestart hook that compiles',
      filename: 'api/Dockerfile',
      code: `FROM node:22\nCMD npm start\n`,
      files: { 'api/package.json': JSON.stringify({ scripts: { prestart: 'tsc', start: 'node dist/server.js' } }) },
      errors: [{ messageId: 'indirect', line: 2, messageIncludes: '`tsc` (the "prestart" script of api/package.json)' }],
    },
    {
      name: 'entrypoint script that pulls code',
      filename: 'Dockerfile',
      code: `FROM node:22\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`,
      files: { 'docker-entrypoint.sh': `#!/bin/sh\nset -e\ncd /app && git pull origin main\nexec "$@"\n` },
      errors: [{ messageId: 'indirect', line: 3, messageIncludes: '(docker-entrypoint.sh line 3)' }],
    },
    {
      name: 'sh -c in exec form',
      filename: 'Dockerfile',
      code: `FROM python:3.12\nCMD ["sh", "-c", "pip install -r requirements.txt && python app.py"]\n`,
      errors: [{ messageId: 'direct', line: 2, messageIncludes: '`pip install -r requirements.txt`' }],
    },
    {
      name: 'CMD inherited from the stage the final stage is built from',
      filename: 'Dockerfile',
      code: `FROM node:22 AS base\nCMD yarn && \\\n  yarn start\n\nFROM base\nCOPY . .\n`,
      errors: [{ messageId: 'direct', line: 2, endLine: 3, messageIncludes: '`yarn`' }],
    },
    {
      name: 'compiler through npx, shell script run by sh',
      filename: 'Dockerfile',
      code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["sh", "./scripts/start.sh"]\n`,
      files: { 'scripts/start.sh': `#!/bin/sh\nnpx --yes tsc -p tsconfig.build.json\nexec node dist/index.js\n` },
      errors: [{ messageId: 'indirect', line: 4, messageIncludes: 'which compiles the code' }],
    },
  ],
});
