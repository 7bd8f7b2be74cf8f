import { describe, expect, it } from 'vitest';
import { generatePythonRepo } from '../../scripts/bench/generate-python-repo.ts';
import { DEFAULT_SEED } from '../../scripts/bench/generate-repo.ts';
import { loadTreeSitterLanguage } from '../../src/languages/tree-sitter.ts';

describe('generatePythonRepo', () => {
  const thousand = generatePythonRepo({ pythonFiles: 1000, seed: DEFAULT_SEED });
  const python = thousand.filter((file) => file.path.endsWith('.py'));

  it('is deterministic, and a smaller repository is the prefix of a larger one', () => {
    expect(generatePythonRepo({ pythonFiles: 1000, seed: DEFAULT_SEED })).toEqual(thousand);
    expect(generatePythonRepo({ pythonFiles: 100, seed: DEFAULT_SEED }).filter((file) => file.path.endsWith('.py'))).toEqual(python.slice(0, 100));
  });

  it('writes the requested number of Python modules plus the manifests, at unique paths', () => {
    expect(python).toHaveLength(1000);
    expect(thousand.filter((file) => !file.path.endsWith('.py')).map((file) => file.path)).toEqual(['requirements.txt', 'requirements-dev.txt', 'Procfile', 'Dockerfile']);
    expect(new Set(thousand.map((file) => file.path)).size).toBe(thousand.length);
  });

  it('writes Python that tree-sitter parses without an error, about 115 lines a file', async () => {
    const grammar = await loadTreeSitterLanguage('tree-sitter-python/tree-sitter-python.wasm');
    const broken = python.filter((file) => {
      try {
        grammar.parse(file.content).delete();
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((file) => file.path)).toEqual([]);
    const lines = python.reduce((sum, file) => sum + file.content.split('\n').length - 1, 0);
    expect(lines / python.length).toBeGreaterThan(95);
    expect(lines / python.length).toBeLessThan(135);
  });

  it('mixes web modules, settings, workers, services and tests, with a few violations and placeholder secrets', () => {
    for (const folder of ['web/', 'api/', 'shop/', 'config/', 'workers/', 'services/', 'tests/']) {
      expect(python.some((file) => file.path.startsWith(folder)), folder).toBe(true);
    }
    const filesMatching = (pattern: RegExp) => python.filter((file) => pattern.test(file.content)).length;
    for (const pattern of [/port=5000\)/, /logging\.FileHandler\(/, /redis\.Redis\(host="localhost"/, /"postgres:\/\/app@localhost\/app"/, /AKIAIOSFODNN7EXAMPLE/, /"your-api-key"/]) {
      expect(filesMatching(pattern), String(pattern)).toBeGreaterThan(0);
      expect(filesMatching(pattern), String(pattern)).toBeLessThan(20);
    }
  });
});
