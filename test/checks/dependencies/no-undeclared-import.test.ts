import check from '../../../checks/dependencies/no-undeclared-import/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const manifest = JSON.stringify({
  name: '@acme/api',
  dependencies: { express: '^5.0.0', lodash: '^4.17.21', '@aws-sdk/client-s3': '^3.0.0', '@acme/util': 'workspace:*' },
  peerDependencies: { react: '>=18' },
  optionalDependencies: { 'pg-native': '^3.0.0' },
  devDependencies: { vitest: '^3.0.0', '@types/express-serve-static-core': '^5.0.0', '@types/cookie': '^0.6.0', typescript: '^5.0.0' },
});
const files = { 'package.json': manifest };

testCheck(check, {
  valid: [
    {
      name: 'built-ins, relative paths, declared packages with subpaths, peers and optionals',
      code: `import fs from 'node:fs';\nimport { join } from 'path';\nimport { readFile } from 'fs/promises';\nimport express from 'express';\nimport fp from 'lodash/fp';\nimport { S3Client } from '@aws-sdk/client-s3';\nimport { h } from 'react';\nimport { helper } from './helper.ts';\nconst native = require('pg-native');\nexport { slug } from '@acme/util/strings';`,
      files,
    },
    {
      name: "the package's own name, type imports satisfied by @types, dynamic import of a variable",
      code: `import { version } from '@acme/api/package.json';\nimport type { CookieSerializeOptions } from 'cookie';\nimport { type Request } from 'express-serve-static-core';\nconst plugin = await import(pluginName);\nconst mod = require(path.join(dir, name));`,
      files,
    },
    {
      name: 'tsconfig paths aliases (JSONC with comments and trailing commas)',
      code: `import { db } from '@app/db';\nimport { cfg } from 'config';\nimport { Button } from '@/components/Button';`,
      files: {
        ...files,
        'tsconfig.json': `{\n  // paths for the app\n  "compilerOptions": {\n    "paths": { "@app/*": ["src/*"], "config": ["src/config.ts"], },\n  },\n}`,
      },
    },
    {
      name: 'baseUrl-relative imports of repository files',
      code: `import { logger } from 'lib/logger';`,
      files: { ...files, 'tsconfig.json': `{ "compilerOptions": { "baseUrl": "src" } }`, 'src/lib/logger.ts': 'export const logger = console;' },
    },
    {
      name: 'devDependencies in tooling files',
      code: `import { defineConfig } from 'vitest/config';\nexport default defineConfig({});`,
      filename: 'vitest.config.ts',
      files,
    },
    { name: 'devDependencies in scripts/', code: `import ts from 'typescript';\nconsole.log(ts.version);`, filename: 'scripts/build.ts', files },
    {
      name: 'electron is a devDependency by convention: its packager ships it',
      code: `import { app, BrowserWindow } from 'electron';`,
      files: { 'package.json': JSON.stringify({ name: 'desk', devDependencies: { electron: '^30.0.0' } }) },
    },
    { name: 'no package.json anywhere above', code: `import chalk from 'chalk';\nconsole.log(chalk.red('x'));` },
    { name: 'unparsable package.json', code: `import chalk from 'chalk';`, files: { 'package.json': '{ "name": ' } },
    {
      name: 'vite alias',
      code: `import Header from 'components/Header.vue';`,
      filename: 'web/src/main.ts',
      files: {
        'web/package.json': JSON.stringify({ name: 'web', dependencies: { vue: '^3.0.0' } }),
        'web/vite.config.ts': `import { defineConfig } from 'vite';\nexport default defineConfig({ resolve: { alias: { components: '/src/components' } } });`,
      },
    },
  ],
  invalid: [
    {
      code: `import express from 'express';\nimport chalk from 'chalk';`,
      files,
      errors: [{ messageId: 'undeclared', line: 2, column: 19, severity: 'error', messageIncludes: "'chalk'" }],
    },
    {
      code: `import { describe } from 'vitest';\nexport const run = describe;`,
      files,
      errors: [{ messageId: 'devOnly', line: 1, severity: 'warning' }],
    },
    {
      name: 'scoped packages and subpaths are named by their package',
      code: `import { marshall } from '@aws-sdk/util-dynamodb/dist';\nconst debounce = require('lodash.debounce');`,
      files,
      errors: [
        { messageId: 'undeclared', line: 1, messageIncludes: "'@aws-sdk/util-dynamodb'" },
        { messageId: 'undeclared', line: 2, messageIncludes: "'lodash.debounce'" },
      ],
    },
    {
      name: 'the nearest package.json decides: a workspace sibling must be declared there',
      code: `import { slug } from '@acme/util';\nimport express from 'express';`,
      filename: 'packages/worker/src/index.ts',
      files: { ...files, 'packages/worker/package.json': JSON.stringify({ name: '@acme/worker', dependencies: { express: '^5.0.0' } }) },
      errors: [{ messageId: 'undeclared', line: 1, messageIncludes: 'packages/worker/package.json' }],
    },
    {
      name: 'type-only import without the package or its @types',
      code: `import type { Redis } from 'ioredis';\nexport type Cache = Redis;`,
      files,
      errors: [{ messageId: 'undeclared', line: 1 }],
    },
    {
      name: 'dynamic import and re-export',
      code: `export * from 'zod';\nconst { default: got } = await import('got');`,
      filename: 'src/http.mjs',
      files,
      errors: [
        { messageId: 'undeclared', line: 1 },
        { messageId: 'undeclared', line: 2 },
      ],
    },
  ],
});
