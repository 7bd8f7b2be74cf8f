import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../checks/index.ts';
import noHardcodedSecret from '../../../checks/config/no-hardcoded-secret/index.ts';
import type { Check } from '../../../checks/define-check.ts';
import { MemoryRepository } from '../../../src/engine/repository.ts';
import { review } from '../../../src/engine/review.ts';

/** Every rule's findings on one file, as `line ruleId`. */
async function findingsOf(path: string, content: string, checks: readonly Check[] = CHECKS): Promise<string[]> {
  const report = await review({ files: [{ path, content }], repo: new MemoryRepository({ [path]: content }) }, { checks });
  return report.findings.filter((finding) => finding.factor === 3).map((finding) => `${finding.line} ${finding.ruleId}`);
}

// Built from parts so that the test file itself holds no secret-shaped literal.
const HIGH_ENTROPY = ['q8Vz3LmR', 'x7TnW2pK', 'c9YbH4sJ', 'e6FgA1dU'].join('');

describe('config/no-hardcoded-secret beside secrets/* and config/no-critical-fallback', () => {
  it('reports a low-entropy session secret that no secrets/* rule sees', async () => {
    expect(await findingsOf('src/app.js', `const session = require('express-session');\napp.use(session({ secret: 'keyboard cat' }));\n`)).toEqual([
      '2 config/no-hardcoded-secret',
    ]);
  });

  it('leaves a high-entropy session secret to the secrets/* finding on its line', async () => {
    const code = `const session = require('express-session');\napp.use(session({ secret: '${HIGH_ENTROPY}' }));\n`;
    expect(await findingsOf('src/app.js', code, [noHardcodedSecret])).toEqual(['2 config/no-hardcoded-secret']);
    const findings = await findingsOf('src/app.js', code);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^2 secrets\//);
  });

  it('leaves an env fallback to config/no-critical-fallback', async () => {
    expect(await findingsOf('src/app.js', `const session = require('express-session');\napp.use(session({ secret: process.env.SESSION_SECRET || 'dev' }));\n`)).toEqual([
      '2 config/no-critical-fallback',
    ]);
  });

  it('leaves a high-entropy Django SECRET_KEY to the secrets/* finding on its line', async () => {
    const findings = await findingsOf('shop/settings.py', `SECRET_KEY = "${HIGH_ENTROPY}"\nINSTALLED_APPS = []\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^1 secrets\//);
  });

  it('leaves a Python env fallback and a settings field default to config/no-critical-fallback', async () => {
    expect(await findingsOf('shop/settings.py', `import os\nSECRET_KEY = os.getenv("SECRET_KEY", "dev")\nINSTALLED_APPS = []\n`)).toEqual(['2 config/no-critical-fallback']);
    expect(
      await findingsOf('app/config.py', `from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    SECRET_KEY: str = "dev"\n`),
    ).toEqual(['4 config/no-critical-fallback']);
  });
});
