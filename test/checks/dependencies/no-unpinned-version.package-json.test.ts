import check from '../../../checks/dependencies/no-unpinned-version/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'semver ranges: the lockfile pins them',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "^1.2.3",\n    "b": "~1",\n    "c": ">=2 <3",\n    "d": "1.x",\n    "e": "4.17.21",\n    "f": "1.2.3 || ^2.0.0"\n  }\n}\n`,
    },
    {
      name: 'peerDependencies are broad on purpose',
      filename: 'package.json',
      code: `{\n  "peerDependencies": {\n    "react": "*",\n    "typescript": "latest"\n  }\n}\n`,
    },
    {
      name: 'git dependencies pinned to a tag, a commit or a semver range',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "git+https://github.com/acme/a.git#v1.4.0",\n    "b": "github:acme/b#3f2a9c1",\n    "c": "acme/c#semver:^2.1.0",\n    "d": "git+ssh://git@github.com/acme/d.git#1.0.0"\n  }\n}\n`,
    },
    {
      name: 'workspace, file and npm alias with a range',
      filename: 'packages/api/package.json',
      code: `{\n  "dependencies": {\n    "@acme/util": "workspace:*",\n    "local": "file:../local",\n    "lodash4": "npm:lodash@^4.17.21"\n  }\n}\n`,
    },
    {
      name: 'versioned tarball URLs',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "https://registry.example.com/a/-/a-1.2.3.tgz",\n    "b": "https://downloads.example.com/b/2.0.1/b"\n  }\n}\n`,
    },
    {
      name: 'version-looking strings outside dependency sections',
      filename: 'package.json',
      code: `{\n  "version": "latest",\n  "engines": { "node": "*" },\n  "overrides": { "x": "latest" }\n}\n`,
    },
  ],
  invalid: [
    {
      filename: 'package.json',
      code: `{\n  "name": "api",\n  "dependencies": {\n    "express": "*",\n    "pg": "latest",\n    "lodash": "",\n    "ms": "x"\n  }\n}\n`,
      errors: [
        { messageId: 'anyVersion', line: 4, column: 5 },
        { messageId: 'anyVersion', line: 5 },
        { messageId: 'anyVersion', line: 6 },
        { messageId: 'anyVersion', line: 7 },
      ],
    },
    {
      name: 'git without a ref and with a branch ref',
      filename: 'package.json',
      code: `{\n  "dependencies": {\n    "a": "github:acme/a",\n    "b": "git+https://github.com/acme/b.git#master",\n    "c": "acme/c#develop"\n  },\n  "devDependencies": { "d": "git@github.com:acme/d.git#main" }\n}\n`,
      errors: [
        { messageId: 'branch', line: 3, messageIncludes: 'follows the default branch of github:acme/a' },
        { messageId: 'branch', line: 4, messageIncludes: 'follows the "master" branch of https://github.com/acme/b.git' },
        { messageId: 'branch', line: 5 },
        { messageId: 'branch', line: 7 },
      ],
    },
    {
      name: 'dist-tags and aliases to latest',
      filename: 'packages/web/package.json',
      code: `{\n  "optionalDependencies": {\n    "next": "canary",\n    "react": "beta",\n    "l": "npm:lodash@latest"\n  }\n}\n`,
      errors: [
        { messageId: 'distTag', line: 3 },
        { messageId: 'distTag', line: 4 },
        { messageId: 'anyVersion', line: 5 },
      ],
    },
    {
      name: 'unversioned URL',
      filename: 'package.json',
      code: `{"dependencies": {"sdk": "https://cdn.example.com/sdk/latest"}}`,
      errors: [{ messageId: 'url', line: 1 }],
    },
  ],
});
