import check from '../../../checks/concurrency/no-pid-file/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'logging the pid',
      code: `import fs from 'node:fs';\nconsole.log(\`worker \${process.pid} started\`);\nlogger.info({ pid: process.pid }, 'ready');`,
    },
    {
      name: 'writing other files',
      code: `import { writeFileSync } from 'node:fs';\nwriteFileSync('out/report.json', JSON.stringify(report));\nwriteFileSync(\`\${dir}/pids.txt.bak\`, data);`,
    },
    {
      name: 'a log line that mentions the pid is not a pid file',
      code: `const fs = require('fs');\nfs.appendFileSync('audit.txt', \`[\${process.pid}] started\\n\`);`,
      filename: 'src/audit.js',
    },
    {
      name: 'reading a pid file of another program',
      code: `import { readFileSync } from 'node:fs';\nconst nginxPid = Number(readFileSync('/run/nginx.pid', 'utf8'));`,
    },
    {
      name: 'a writeFile that is not from fs',
      code: `import fs from 'node:fs';\nimport { writeFile } from './storage';\nawait writeFile('state.pid', process.pid);`,
    },
    {
      name: 'removing the pid file on exit',
      code: `import npid from 'npid';\nnpid.remove('/var/run/app.pid');`,
    },
  ],
  invalid: [
    {
      code: `import fs from 'node:fs';\nfs.writeFileSync('/var/run/app.pid', String(process.pid));`,
      errors: [{ messageId: 'pidWrite', line: 2, column: 1 }],
    },
    {
      name: 'fs/promises aliased, pid as data, path from env',
      code: `import { writeFile as save } from 'fs/promises';\nconst pid = process.pid;\nawait save(process.env.PID_FILE, \`\${pid}\\n\`);`,
      errors: [{ messageId: 'pidWrite', line: 3 }],
    },
    {
      name: 'a path ending in .pid built with path.join',
      code: `const fs = require('fs');\nconst PID_PATH = path.join(__dirname, '..', 'server.pid');\nfs.writeFile(\n  PID_PATH,\n  process.pid.toString(),\n  done,\n);`,
      filename: 'src/server.js',
      errors: [{ messageId: 'pidWrite', line: 3 }],
    },
    {
      name: 'a write stream to a pid file',
      code: `import { createWriteStream } from 'node:fs';\nconst stream = createWriteStream(\`\${runDir}/worker.pid\`);\nstream.end(String(process.pid));`,
      errors: [{ messageId: 'pidWrite', line: 2 }],
    },
    {
      name: 'fs.promises.appendFile of the pid',
      code: `import * as fs from 'fs';\nawait fs.promises.appendFile('pids', process.pid + '\\n');`,
      errors: [{ messageId: 'pidWrite', line: 2 }],
    },
    {
      name: 'the npid package',
      code: `const npid = require('npid');\nconst pid = npid.create('/var/run/app.pid');\npid.removeOnExit();`,
      filename: 'src/main.js',
      errors: [{ messageId: 'pidPackage', line: 2, messageIncludes: '`npid`' }],
    },
  ],
});
