import check from '../../../checks/dependencies/no-implicit-system-tool/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a tool the repository declares in another language (awscli in requirements.txt installs aws)',
      code: `import { $ } from 'zx';\nawait $\`aws s3 cp \${file} s3://bucket/\${key}\`;`,
      files: { 'requirements.txt': 'awscli==1.33.0\n' },
    },
    { code: `import { spawn } from 'node:child_process';\nconst child = spawn(process.execPath, ['worker.js']);\nspawn('node', ['--version']);` },
    { code: `import { execSync } from 'child_process';\nexecSync('npm run build && npx prisma generate');` },
    { code: `import { execFile } from 'node:child_process';\nexecFile('./scripts/resize.sh', [input]);\nexecFile('bin/convert-assets', []);` },
    { code: `import { spawn } from 'child_process';\nspawn('bash', ['./scripts/deploy.sh'], { stdio: 'inherit' });` },
    { code: `import { exec } from 'child_process';\nexec('cd /tmp && ls -la | grep report && echo done');` },
    { code: `import { execSync } from 'child_process';\nexecSync('curl -fsSL https://example.com/install.sh | sh');`, filename: 'scripts/setup.ts' },
    { code: `import { exec } from 'child_process';\nexec(command, (error, stdout) => done(stdout));` },
    { code: `const exec = (cmd: string) => cmd;\nexec('curl https://example.com');` },
  ],
  invalid: [
    {
      code: `import { execSync } from 'node:child_process';\n\nconst out = execSync(\`ffmpeg -i \${input} -vf scale=640:-1 \${output}\`);`,
      errors: [{ messageId: 'tool', line: 3, messageIncludes: "'ffmpeg'" }],
    },
    {
      code: `const cp = require('child_process');\ncp.exec('mkdir -p /tmp/dl && cd /tmp/dl && curl -sO https://example.com/a.tgz && tar xzf a.tgz', done);`,
      filename: 'src/download.js',
      errors: [{ messageId: 'tool', line: 2, messageIncludes: "'curl', 'tar'" }],
    },
    {
      code: `import { spawn } from 'child_process';\nconst dump = spawn('pg_dump', ['--format=custom', dbName]);`,
      errors: [{ messageId: 'tool', line: 2 }],
    },
    {
      code: `import { spawn } from 'child_process';\nspawn('sh', ['-c', 'convert in.png -resize 50% out.png'], { stdio: 'inherit' });`,
      errors: [{ messageId: 'tool', line: 2, messageIncludes: "'convert'" }],
    },
    {
      code: `import { promisify } from 'node:util';\nimport { exec } from 'node:child_process';\nconst run = promisify(exec);\nawait run("sudo -n /usr/bin/kubectl rollout restart deploy/api");`,
      errors: [{ messageId: 'tool', line: 4, messageIncludes: "'kubectl'" }],
    },
    {
      code: `import { $ } from 'zx';\nawait $\`aws s3 cp \${file} s3://bucket/\${key}\`;`,
      errors: [{ messageId: 'tool', line: 2, messageIncludes: "'aws'" }],
    },
    {
      name: 'command-line entry code gets a notice: its user provides the tools',
      code: `import { execFileSync } from 'node:child_process';\nexport const root = (cwd: string) => execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd });`,
      filename: 'src/cli/git.ts',
      errors: [{ messageId: 'tool', line: 2, severity: 'notice' }],
    },
    {
      code: `import { execa } from 'execa';\nconst { stdout } = await execa('wkhtmltopdf', [url, '-']);`,
      errors: [{ messageId: 'tool', line: 2 }],
    },
  ],
});
