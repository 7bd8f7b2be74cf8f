import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { chooseEntryPoint } from '../../src/processes/choose-entry-point.ts';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

describe('chooseEntryPoint', () => {
  it.each([
    [[], 'app'],
    [['web'], 'app'],
    [['worker'], 'app'],
    [['clock'], 'app'],
    [['scan', '/src'], 'cli'],
    [['scan', '/src', '--base', 'main'], 'cli'],
    [['ci', '--sarif', 'review.sarif'], 'cli'],
    [['--help'], 'app'],
  ] as const)('%j runs the %s', (argv, expected) => {
    expect(chooseEntryPoint(argv)).toBe(expected);
  });

  it('runs the CLI through the process entry point the image starts', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'tfr-entry-'));
    try {
      writeFileSync(path.join(directory, 'server.js'), 'require("node:http").createServer(() => {}).listen(3000);\n');
      const result = spawnSync(process.execPath, [path.join(REPOSITORY, 'src/main.ts'), 'scan', directory, '--format', 'json'], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('port-binding/no-hardcoded-port');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(readFileSync(path.join(REPOSITORY, 'Dockerfile'), 'utf8'));
  const finalStage = dockerfile.getFROMs().at(-1)!;
  const finalInstructions = dockerfile.getInstructions().filter((instruction) => instruction.getRange().start.line > finalStage.getRange().start.line);

  it('passes every argument of `docker run IMAGE …` to the entry point, which starts the App without one', () => {
    const entrypoints = finalInstructions.filter((instruction) => instruction.getKeyword() === 'ENTRYPOINT');
    expect(entrypoints).toHaveLength(1);
    // Exec form: node is PID 1 (signals reach it) and `docker run` arguments are appended.
    expect(JSON.parse(entrypoints[0]!.getArgumentsContent()!)).toEqual(['node', 'dist/src/main.js']);
    expect(finalInstructions.some((instruction) => instruction.getKeyword() === 'CMD')).toBe(false);
  });

  it('brings git, which the CLI needs for --base and ci', () => {
    const runs = finalInstructions.filter((instruction) => instruction.getKeyword() === 'RUN').map((instruction) => instruction.getArgumentsContent() ?? '');
    expect(runs.some((run) => /apt-get install\b.*\bgit\b/s.test(run) && run.includes('safe.directory'))).toBe(true);
  });
});
