import check from '../../../checks/concurrency/no-self-daemonize/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'detached spawn of another program',
      code: `import { spawn } from 'node:child_process';\nconst child = spawn('ffmpeg', ['-i', input, output], { detached: true, stdio: 'ignore' });\nchild.unref();`,
    },
    {
      name: 'fork of a worker script without detaching',
      code: `import { fork } from 'node:child_process';\nconst worker = fork(new URL('./worker.js', import.meta.url));\nworker.on('message', handle);`,
    },
    {
      name: 'fork of itself as a worker, attached',
      code: `const { fork } = require('child_process');\nconst child = fork(__filename, ['--child']);\nchild.unref();`,
      filename: 'src/main.js',
    },
    {
      name: 'self spawn detached but waited for (no unref)',
      code: `import { spawn } from 'node:child_process';\nconst child = spawn(process.execPath, [__filename, 'serve'], { detached: true, stdio: 'inherit' });\nchild.on('exit', (code) => process.exit(code ?? 1));`,
    },
    {
      name: 'detached node running another script',
      code: `import { spawn } from 'node:child_process';\nspawn(process.execPath, ['scripts/cleanup.js'], { detached: true, stdio: 'ignore' }).unref();`,
    },
    {
      name: 'a local function called daemon',
      code: `function daemon(options: object) { return options; }\ndaemon({ quiet: true });`,
    },
  ],
  invalid: [
    {
      code: `require('daemon')();\nconst app = require('./app');\napp.listen(process.env.PORT);`,
      filename: 'src/server.js',
      errors: [{ messageId: 'daemonPackage', line: 1, column: 1, messageIncludes: '`daemon`' }],
    },
    {
      name: 'daemonize2 setup',
      code: `import daemonize from 'daemonize2';\nconst daemon = daemonize.setup({ main: 'app.js', name: 'app', pidfile: 'app.pid' });\ndaemon.start();`,
      errors: [{ messageId: 'daemonPackage', line: 2 }],
    },
    {
      name: 'spawn of process.execPath with process.argv.slice(1), unref chained',
      code: `import { spawn } from 'node:child_process';\nif (!process.env.DAEMONIZED) {\n  spawn(process.execPath, process.argv.slice(1), { detached: true, stdio: 'ignore', env: { ...process.env, DAEMONIZED: '1' } }).unref();\n  process.exit(0);\n}`,
      errors: [{ messageId: 'detachedSelf', line: 3, column: 3 }],
    },
    {
      name: 'spawn of process.argv[1] through consts, unref on the child',
      code: `const childProcess = require('child_process');\nconst self = process.argv[1];\nconst options = { detached: true, stdio: 'ignore' };\nconst child = childProcess.spawn(process.argv[0], [self, '--background'], options);\nchild.unref();`,
      filename: 'src/cli.cjs',
      errors: [{ messageId: 'detachedSelf', line: 4 }],
    },
    {
      name: 'fork of fileURLToPath(import.meta.url) detached',
      code: `import { fork } from 'node:child_process';\nimport { fileURLToPath } from 'node:url';\nconst child = fork(fileURLToPath(import.meta.url), ['run'], {\n  detached: true,\n  stdio: 'ignore',\n});\nchild.unref();`,
      errors: [{ messageId: 'detachedSelf', line: 3 }],
    },
  ],
});
