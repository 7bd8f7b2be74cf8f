import check from '../../../checks/dependencies/no-global-install/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'package managers themselves',
      filename: 'Dockerfile',
      code: `FROM node:22\nRUN npm install -g npm@10.8.2 && npm i -g pnpm@9 yarn\nRUN corepack enable && npm i --global corepack@latest\n`,
    },
    {
      name: 'global install in a build-only stage',
      filename: 'Dockerfile',
      code: `FROM node:22 AS build\nRUN npm install -g typescript@5.6\nRUN tsc -p .\n\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n`,
    },
    { name: 'local installs', filename: 'Dockerfile', code: `FROM node:22\nRUN npm ci --omit=dev\nRUN npm install pm2 && yarn add nodemon\n` },
    { name: 'the word global elsewhere', filename: 'Dockerfile', code: `FROM node:22\nRUN yarn config set global-folder /opt/yarn && echo "npm i -g pm2"\n` },
    { name: 'pnpm global of pnpm itself', filename: 'Dockerfile', code: `FROM node:22\nRUN ["pnpm", "add", "-g", "pnpm@9.12.0"]\n` },
    { name: 'global install in a comment', filename: 'Dockerfile', code: `FROM node:22\n# RUN npm i -g pm2\nCMD ["node", "server.js"]\n` },
  ],
  invalid: [
    {
      filename: 'Dockerfile',
      code: `FROM node:22\nRUN npm install -g pm2\nCMD ["pm2-runtime", "server.js"]\n`,
      errors: [{ messageId: 'global', line: 2, column: 5, messageIncludes: 'installs pm2 globally' }],
    },
    {
      name: 'on the continuation line that installs',
      filename: 'Dockerfile',
      code: `FROM node:22-slim\nRUN apt-get update \\\n && npm i --global nodemon ts-node@10 \\\n && rm -rf /var/lib/apt/lists/*\n`,
      errors: [{ messageId: 'global', line: 3, messageIncludes: 'installs nodemon, ts-node@10 globally' }],
    },
    {
      name: 'yarn global add',
      filename: 'Dockerfile',
      code: `FROM node:22\nRUN yarn global add serve\n`,
      errors: [{ messageId: 'global', line: 2 }],
    },
    {
      name: 'pnpm add -g in exec form, package managers left out of the list',
      filename: 'Dockerfile',
      code: `FROM node:22\nRUN ["pnpm", "add", "-g", "pnpm", "@nestjs/cli"]\n`,
      errors: [{ messageId: 'global', line: 2, messageIncludes: 'installs @nestjs/cli globally' }],
    },
    {
      name: 'heredoc RUN',
      filename: 'Dockerfile',
      code: `# syntax=docker/dockerfile:1\nFROM node:22\nRUN <<EOF\nset -e\nnpm install --location=global prisma\nEOF\n`,
      errors: [{ messageId: 'global', line: 5 }],
    },
    {
      name: 'stage the final stage is built from',
      filename: 'Dockerfile',
      code: `FROM node:22 AS base\nRUN sh -c "npm i -g pm2"\n\nFROM base\nCMD ["pm2-runtime", "app.js"]\n`,
      errors: [{ messageId: 'global', line: 2 }],
    },
  ],
});
