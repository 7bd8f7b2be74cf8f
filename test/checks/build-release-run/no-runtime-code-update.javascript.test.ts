import { describe, expect, it } from 'vitest';
import check from '../../../checks/build-release-run/no-runtime-code-update/index.ts';
import systemTool from '../../../checks/dependencies/no-implicit-system-tool/index.ts';
import { MemoryRepository } from '../../../src/engine/repository.ts';
import { review } from '../../../src/engine/review.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import { execSync } from 'child_process';\nexecSync('git rev-parse HEAD');\nexecSync('npm run migrate');` },
    { code: `import { execSync } from 'child_process';\nexecSync('git pull && npm ci', { stdio: 'inherit' });`, filename: 'scripts/update.ts' },
    { code: `import { writeFileSync } from 'fs';\nimport path from 'path';\nwriteFileSync(path.join(__dirname, 'routes.generated.ts'), source);`, filename: 'vite.config.ts' },
    { code: `import { spawnSync } from 'child_process';\nspawnSync('git', ['fetch', '--depth=1'], { cwd: path.join(os.tmpdir(), repoName) });` },
    { code: `import fs from 'node:fs';\nimport path from 'node:path';\nfs.writeFileSync(path.join(__dirname, 'cache.json'), data);\nfs.writeFileSync('/tmp/out.js', code);` },
    { code: `import { exec } from 'child_process';\nexec(\`git -C \${workdir} fetch origin\`);` },
    { code: `import { execSync } from 'child_process';\nexecSync('git pull');`, filename: 'test/update.test.ts' },
  ],
  invalid: [
    {
      code: `import { exec } from 'node:child_process';\n\nsetInterval(() => {\n  exec('cd /app && git pull origin main && npm install', restart);\n}, 60_000);`,
      errors: [{ messageId: 'command', line: 4, messageIncludes: 'git pull' }],
    },
    {
      code: `const { spawnSync } = require('child_process');\nspawnSync('npm', ['install', pluginName], { cwd: __dirname });`,
      filename: 'src/plugins.js',
      errors: [{ messageId: 'command', line: 2, messageIncludes: 'npm install' }],
    },
    {
      code: `import { execSync } from 'child_process';\nexecSync('yarn add ' + name);`,
      errors: [{ messageId: 'command', line: 2, messageIncludes: 'yarn add' }],
    },
    {
      code: `import simpleGit from 'simple-git';\nconst git = simpleGit();\napp.post('/update', async () => {\n  await git.pull();\n});`,
      errors: [{ messageId: 'command', line: 4, messageIncludes: 'git pull' }],
    },
    {
      code: `import fs from 'node:fs';\nimport path from 'node:path';\nfs.writeFileSync(path.join(__dirname, 'handlers', \`\${name}.js\`), code);`,
      errors: [{ messageId: 'write', line: 3 }],
    },
    {
      code: `import { writeFile } from 'node:fs/promises';\nawait writeFile(new URL('./generated/routes.ts', import.meta.url), source);`,
      errors: [{ messageId: 'write', line: 2, messageIncludes: "'routes.ts'" }],
    },
  ],
});

describe('build-release-run/no-runtime-code-update with dependencies/no-implicit-system-tool', () => {
  it('reports `git pull` once, as a runtime code update', async () => {
    const code = `import { execSync } from 'child_process';\nexecSync('git pull --rebase');\nexecSync('git log -1 --format=%H');`;
    const report = await review(
      { files: [{ path: 'src/update.ts', content: code }], repo: new MemoryRepository({ 'src/update.ts': code }) },
      { checks: [systemTool, check] },
    );
    expect(report.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['build-release-run/no-runtime-code-update', 2],
      ['dependencies/no-implicit-system-tool', 3],
    ]);
  });
});
