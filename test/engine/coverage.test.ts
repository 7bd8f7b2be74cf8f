import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../checks/define-check.ts';
import { CHECKS } from '../../checks/index.ts';
import { DEFAULT_CONFIG } from '../../src/engine/config.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';
import { sourceLanguageOf } from '../../src/engine/source-language.ts';

const files = {
  'app/main.py': 'import os\nprint(os.environ["PORT"])\n',
  'bin/deploy.sh': 'echo deploy\n',
  'cmd/api/main.go': 'package main\n',
  'src/server.ts': 'export const port = Number(process.env.PORT);\n',
  'README.md': '# service\n',
};
const changeset = () => ({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo: new MemoryRepository(files) });

/** A factor rule that reads plain-text files: what a language gains when rules learn it. */
const textReader = defineCheck({
  id: 'processes/test-text-reader',
  meta: { factor: 6, severity: 'warning', title: 't', description: 't', fix: 't', messages: { found: 'found' } },
  detectors: [{ kinds: ['text'], needs: 'text', detect() {} }],
});

describe('what the factor rules did not read', () => {
  it('names each changed file in a language no enabled factor rule reads, by language', async () => {
    const report = await review(changeset());
    expect(report.secretsOnly).toEqual([{ language: 'Go', paths: ['cmd/api/main.go'] }]);
    expect(report.summary).toMatchObject({ filesScanned: 5, filesReadByFactorRules: 3 });
  });

  it('shrinks by itself once an enabled factor rule reads a file kind, and grows when rules are switched off', async () => {
    const learned = await review(changeset(), { checks: [...CHECKS, textReader] });
    expect(learned.secretsOnly).toEqual([]);

    const factorRulesOff = await review(changeset(), { config: { ...DEFAULT_CONFIG, factorsOff: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } });
    expect(factorRulesOff.secretsOnly.map((group) => group.language)).toEqual(['Python', 'shell', 'Go', 'TypeScript']);
  });

  it('knows languages by extension, and data or docs as none', () => {
    expect(['a.go', 'b.JAVA', 'c.rb', 'd.php', 'e.cs', 'f.kt', 'g.rs', 'h.py', 'i.sh', 'j.ts', 'k.d.ts', 'l.md', 'm.json', 'Dockerfile'].map(sourceLanguageOf)).toEqual([
      'Go', 'Java', 'Ruby', 'PHP', 'C#', 'Kotlin', 'Rust', 'Python', 'shell', 'TypeScript', undefined, undefined, undefined, undefined,
    ]);
  });
});

describe('a repository file that could not be read', () => {
  it('is named with the rules that needed it, and their findings on it are withheld rather than guessed', async () => {
    const repo = new MemoryRepository({ 'src/log.ts': "import winston from 'winston';\n" }, [{ path: 'package.json', reason: 'fetch-failed', detail: 'HTTP 502' }]);
    const report = await review({ files: [{ path: 'src/log.ts', content: "import winston from 'winston';\n" }], repo });
    expect(report.findings.filter((finding) => finding.ruleId === 'dependencies/no-undeclared-import')).toEqual([]);
    expect(report.unreadRepositoryFiles).toEqual([
      expect.objectContaining({ path: 'package.json', reason: 'fetch-failed', detail: 'HTTP 502', rules: expect.arrayContaining(['dependencies/no-undeclared-import']) }),
    ]);
  });
});
