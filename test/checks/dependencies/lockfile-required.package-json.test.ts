import check from '../../../checks/dependencies/lockfile-required/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const api = `{\n  "name": "@acme/api",\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n`;

testCheck(check, {
  valid: [
    { filename: 'package.json', code: api, files: { 'package-lock.json': '{}' } },
    {
      name: 'npm/yarn workspace member covered by the root lockfile',
      filename: 'packages/api/package.json',
      code: api,
      files: { 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }), 'yarn.lock': '' },
    },
    {
      name: 'pnpm workspace member',
      filename: 'apps/web/package.json',
      code: api,
      files: {
        'package.json': JSON.stringify({ private: true }),
        'pnpm-workspace.yaml': `packages:\n  - 'apps/*'\n  - 'packages/**'\n`,
        'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      },
    },
    {
      name: 'workspaces object form, bun lockfile',
      filename: 'services/billing/package.json',
      code: api,
      files: { 'package.json': JSON.stringify({ workspaces: { packages: ['./services/*/'], nohoist: [] } }), 'bun.lock': '{}' },
    },
    {
      name: 'nothing to pin',
      filename: 'package.json',
      code: `{\n  "name": "tool",\n  "dependencies": {},\n  "peerDependencies": { "react": "^18" },\n  "scripts": { "test": "node --test" }\n}\n`,
    },
    {
      name: 'shrinkwrap counts as a lockfile',
      filename: 'cli/package.json',
      code: `{ "devDependencies": { "typescript": "^5.6.0" } }`,
      files: { 'cli/npm-shrinkwrap.json': '{}' },
    },
  ],
  invalid: [
    {
      filename: 'package.json',
      code: api,
      errors: [{ messageId: 'missing', line: 3, column: 3, messageIncludes: 'none at the repository root' }],
    },
    {
      name: 'a package the workspace globs do not include',
      filename: 'examples/demo/package.json',
      code: `{\n  "private": true,\n  "dependencies": { "@acme/api": "^1.0.0" }\n}\n`,
      files: { 'package.json': JSON.stringify({ workspaces: ['packages/*'] }), 'package-lock.json': '{}' },
      errors: [{ messageId: 'missing', line: 3, messageIncludes: 'none in examples/demo/ or a workspace root above it' }],
    },
    {
      name: 'excluded by a negated pnpm glob',
      filename: 'packages/legacy/package.json',
      code: api,
      files: { 'pnpm-workspace.yaml': `packages:\n  - 'packages/*'\n  - '!packages/legacy'\n`, 'pnpm-lock.yaml': '' },
      errors: [{ messageId: 'missing', line: 3 }],
    },
    {
      name: 'only devDependencies: reported at that key',
      filename: 'package.json',
      code: `{\n  "name": "lib",\n  "peerDependencies": { "react": "^18" },\n  "devDependencies": {\n    "vitest": "^2.1.0"\n  }\n}\n`,
      errors: [{ messageId: 'missing', line: 4 }],
    },
    {
      name: 'root lockfile without workspaces does not cover a nested package',
      filename: 'functions/package.json',
      code: `{"dependencies": {"firebase-functions": "^6.0.0"}}`,
      files: { 'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }), 'package-lock.json': '{}' },
      errors: [{ messageId: 'missing', line: 1, column: 2 }],
    },
  ],
});
