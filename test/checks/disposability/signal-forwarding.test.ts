import check from '../../../checks/disposability/signal-forwarding/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const startsNode = JSON.stringify({ name: 'api', scripts: { start: 'node dist/server.js', build: 'tsc' } }, null, 2);

testCheck(check, {
  valid: [
    { filename: 'Dockerfile', code: `FROM node:22-slim\nWORKDIR /app\nCMD ["node", "dist/server.js"]\n` },
    {
      name: 'exec-form CMD with tini',
      filename: 'Dockerfile',
      code: `FROM node:22-alpine\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "dist/server.js"]\n`,
    },
    { name: 'shell form starting with exec', filename: 'Dockerfile', code: `FROM node:22\nCMD exec node dist/server.js\n` },
    {
      name: 'dumb-init signals the whole process group',
      filename: 'Dockerfile',
      code: `FROM node:22\nENTRYPOINT ["dumb-init", "--"]\nCMD ["npm", "start"]\n`,
      files: { 'package.json': startsNode },
    },
    {
      name: 'tini -g signals the whole process group',
      filename: 'Dockerfile',
      code: `FROM node:22\nENTRYPOINT ["tini", "-g", "--"]\nCMD npm start\n`,
    },
    {
      name: 'only the final stage counts',
      filename: 'Dockerfile',
      code: `FROM node:22 AS dev\nCMD npm run dev\n\nFROM node:22-slim\nCOPY --from=dev /app /app\nCMD ["node", "/app/server.js"]\n`,
    },
    {
      name: 'entrypoint script that execs its arguments',
      filename: 'Dockerfile',
      code: `FROM node:22\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n`,
      files: { 'docker-entrypoint.sh': `#!/bin/sh\nset -e\nif [ "$1" = 'node' ]; then\n  echo starting\nfi\nexec "$@"\n` },
    },
    {
      name: 'start script that execs node',
      filename: 'Dockerfile',
      code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["./start.sh"]\n`,
      files: { 'start.sh': `#!/bin/sh\nnode scripts/check-env.js\nexec node dist/server.js\n` },
    },
  ],
  invalid: [
    {
      name: 'an entrypoint that hands over with exec "$@" to npm start: CMD is judged',
      filename: 'Dockerfile',
      code: `FROM node:22\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["npm", "start"]\n`,
      files: { 'docker-entrypoint.sh': `#!/bin/sh\nset -e\nexec "$@"\n`, 'package.json': JSON.stringify({ scripts: { start: 'node server.js' } }) },
      errors: [{ messageId: 'packageManager', line: 4 }],
    },
    {
      name: 'npm start in exec form, start script known',
      filename: 'Dockerfile',
      code: `FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n`,
      files: { 'package.json': startsNode },
      errors: [{ messageId: 'packageManager', line: 4, replacement: 'CMD ["node", "dist/server.js"]' }],
    },
    {
      name: 'npm start in shell form, node flags kept',
      filename: 'services/api/Dockerfile',
      code: `FROM node:22-slim\nCMD npm start\n`,
      files: {
        'services/api/package.json': JSON.stringify({ scripts: { start: 'node --enable-source-maps dist/index.js' } }),
      },
      errors: [{ messageId: 'packageManager', line: 2, replacement: 'CMD ["node", "--enable-source-maps", "dist/index.js"]' }],
    },
    {
      name: 'yarn start with no package.json: no suggestion',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["yarn", "start"]\n`,
      errors: [{ messageId: 'packageManager', line: 2, replacement: null }],
    },
    {
      name: 'shell-form node',
      filename: 'Dockerfile',
      code: `FROM node:22\nENV NODE_ENV=production\ncmd node dist/server.js\n`,
      errors: [{ messageId: 'shellForm', line: 3, replacement: 'cmd ["node", "dist/server.js"]' }],
    },
    {
      name: 'plain tini forwards to npm only',
      filename: 'Dockerfile',
      code: `FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD ["pnpm", "run", "serve"]\n`,
      files: { 'package.json': JSON.stringify({ scripts: { serve: 'pnpm build && node dist/main.js' } }) },
      errors: [{ messageId: 'packageManager', line: 3, replacement: null, messageIncludes: 'the "serve" script' }],
    },
    {
      name: 'CMD inherited from the stage the final stage is built from',
      filename: 'Dockerfile',
      code: `FROM node:22 AS base\nWORKDIR /app\nCMD npm start\n\nFROM base\nCOPY dist ./dist\n`,
      errors: [{ messageId: 'packageManager', line: 3, replacement: null }],
    },
    {
      name: 'shell-form ENTRYPOINT with a continuation line',
      filename: 'Dockerfile',
      code: `FROM node:22\nENTRYPOINT node \\\n  dist/server.js\nCMD ["--port", "8080"]\n`,
      errors: [{ messageId: 'shellForm', line: 2, endLine: 3, replacement: 'ENTRYPOINT ["node", "dist/server.js"]' }],
    },
    {
      name: 'exec form that only wraps a shell',
      filename: 'Dockerfile',
      code: `FROM node:22\nCMD ["/bin/sh", "-c", "node scripts/wait-for-db.js && node server.js"]\n`,
      errors: [{ messageId: 'shellForm', line: 2, replacement: null, messageIncludes: "/bin/sh -c 'node scripts/wait-for-db.js && node server.js'" }],
    },
  ],
});
