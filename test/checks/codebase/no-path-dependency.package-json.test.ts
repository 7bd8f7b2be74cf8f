import check from '../../../checks/codebase/no-path-dependency/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'workspace protocol',
      filename: 'packages/api/package.json',
      code: `{\n  "name": "@acme/api",\n  "dependencies": {\n    "@acme/util": "workspace:*",\n    "express": "^4.19.2"\n  }\n}\n`,
    },
    {
      name: 'file: path inside the repository',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "@acme/x": "file:./packages/x",\n    "@acme/y": "file:packages/y"\n  }\n}\n`,
    },
    {
      name: 'sibling workspace package by relative path stays inside the repository',
      filename: 'packages/web/package.json',
      code: `{\n  "dependencies": {\n    "@acme/ui": "file:../ui",\n    "@acme/core": "link:../../libs/core"\n  }\n}\n`,
    },
    {
      name: 'registry, git and tarball specifiers',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "1.2.3",\n    "b": "github:acme/b#v1.0.0",\n    "c": "https://example.com/c-1.0.0.tgz",\n    "d": "npm:e@^2"\n  }\n}\n`,
    },
    {
      name: 'paths outside the dependency sections',
      filename: 'package.json',
      code: `{\n  "main": "../dist/index.js",\n  "scripts": { "build": "tsc -p ../tsconfig.json" },\n  "files": ["../shared"]\n}\n`,
    },
    {
      name: 'a test fixture package is exempt',
      filename: 'test/fixtures/app/package.json',
      code: `{\n  "dependencies": { "shared": "file:../../../../shared" }\n}\n`,
    },
  ],
  invalid: [
    {
      filename: 'package.json',
      code: `{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.19.2",\n    "@acme/shared": "file:../shared"\n  }\n}\n`,
      errors: [{ messageId: 'outside', line: 5, column: 5, messageIncludes: '"@acme/shared" points outside the repository (file:../shared)' }],
    },
    {
      name: 'link: escaping from a nested package',
      filename: 'packages/web/package.json',
      code: `{\n  "devDependencies": {\n    "design-system": "link:../../../design-system"\n  }\n}\n`,
      errors: [{ messageId: 'outside', line: 3 }],
    },
    {
      name: 'bare relative and absolute paths',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "../a",\n    "b": "/home/dev/b",\n    "c": "~/src/c"\n  }\n}\n`,
      errors: [
        { messageId: 'outside', line: 3 },
        { messageId: 'outside', line: 4 },
        { messageId: 'outside', line: 5 },
      ],
    },
    {
      name: 'tarball by path and yarn portal',
      filename: 'package.json',
      code: `{"optionalDependencies": {"native": "file:../vendor/native-1.0.0.tgz"},\n "peerDependencies": {"host": "portal:../host"}}\n`,
      errors: [
        { messageId: 'outside', line: 1 },
        { messageId: 'outside', line: 2 },
      ],
    },
  ],
});
