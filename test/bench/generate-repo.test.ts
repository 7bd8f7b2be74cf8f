import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateRepo, type GeneratedFile } from '../../scripts/bench/generate-repo.ts';

const SCRIPT = /\.(?:[cm]?[jt]s|tsx)$/;

/**
 * Syntax errors only, no type checking. TypeScript files: the parser's own diagnostics.
 * JavaScript files must also be free of TypeScript-only syntax: CommonJS ones are compiled (not
 * run) by V8, ES modules transpiled by TypeScript, which rejects type annotations in JS.
 */
function syntaxErrors(file: GeneratedFile): string[] {
  if (/\.c?js$/.test(file.path)) {
    try {
      new vm.Script(file.content, { filename: file.path });
      return [];
    } catch (error) {
      return [`${file.path}: ${String(error)}`];
    }
  }
  const diagnostics = file.path.endsWith('.mjs')
    ? (ts.transpileModule(file.content, { fileName: file.path, reportDiagnostics: true, compilerOptions: { allowJs: true } }).diagnostics ?? [])
    : parseDiagnostics(ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, false, file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  return diagnostics.map((diagnostic) => {
    const line = diagnostic.start === undefined ? '?' : file.content.slice(0, diagnostic.start).split('\n').length;
    return `${file.path}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/** The syntax errors createSourceFile recorded (internal but long-stable). */
function parseDiagnostics(source: ts.SourceFile): readonly ts.Diagnostic[] {
  return (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
}

describe('generateRepo', () => {
  const thousand = generateRepo({ scriptFiles: 1000 });

  it('is deterministic: the same seed gives the same files', () => {
    expect(generateRepo({ scriptFiles: 120, seed: 7 })).toEqual(generateRepo({ scriptFiles: 120, seed: 7 }));
    expect(generateRepo({ scriptFiles: 1000, seed: DEFAULT_SEED })).toEqual(thousand);
  });

  it('gives different files for a different seed', () => {
    const a = generateRepo({ scriptFiles: 50, seed: 1 });
    const b = generateRepo({ scriptFiles: 50, seed: 2 });
    expect(a.map((file) => file.content)).not.toEqual(b.map((file) => file.content));
  });

  it('writes the requested number of TS/JS files plus a package.json, at unique paths', () => {
    for (const count of [1, 250, 1000]) {
      const files = count === 1000 ? thousand : generateRepo({ scriptFiles: count });
      expect(files.filter((file) => SCRIPT.test(file.path))).toHaveLength(count);
      expect(files.map((file) => file.path).filter((filePath) => !SCRIPT.test(filePath))).toEqual(['package.json']);
      expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
    }
  });

  it('makes a smaller repository the prefix of a larger one, so sizes compare like with like', () => {
    const small = generateRepo({ scriptFiles: 100 }).filter((file) => SCRIPT.test(file.path));
    expect(thousand.slice(0, 100)).toEqual(small);
  });

  it('writes code that parses as TypeScript or JavaScript without syntax errors', () => {
    const errors = thousand.filter((file) => SCRIPT.test(file.path)).flatMap(syntaxErrors);
    expect(errors).toEqual([]);
  });

  it('mixes file kinds and averages about 150 lines a file', () => {
    const extensions = new Set(thousand.map((file) => file.path.slice(file.path.lastIndexOf('.'))));
    expect([...extensions].sort()).toEqual(['.cjs', '.js', '.json', '.mjs', '.ts', '.tsx']);
    const lines = thousand.reduce((sum, file) => sum + file.content.split('\n').length - 1, 0);
    expect(lines / thousand.length).toBeGreaterThan(130);
    expect(lines / thousand.length).toBeLessThan(170);
  });

  it('carries a few violations and a few obviously placeholder secrets', () => {
    const filesMatching = (pattern: RegExp) => thousand.filter((file) => pattern.test(file.content)).length;
    for (const pattern of [/\.listen\(8080/, /appendFileSync\('\/var\/log/, /redis:\/\/localhost/, /NODE_ENV === 'production'/, /localSessions/]) {
      expect(filesMatching(pattern), String(pattern)).toBeGreaterThan(0);
      expect(filesMatching(pattern), String(pattern)).toBeLessThan(20);
    }
    for (const placeholder of [/AKIAIOSFODNN7EXAMPLE/, /'ghp_x{36}'/, /'your-api-key'/, /password: 'changeme'/]) {
      expect(filesMatching(placeholder), String(placeholder)).toBeGreaterThan(0);
      expect(filesMatching(placeholder), String(placeholder)).toBeLessThan(20);
    }
  });

  it('declares in package.json the packages the files import', () => {
    const manifest = JSON.parse(thousand.find((file) => file.path === 'package.json')!.content) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    for (const file of thousand) {
      for (const match of file.content.matchAll(/(?:from |require\()'([^'.][^']*)'/g)) {
        const specifier = match[1]!;
        if (specifier.startsWith('node:') || specifier === 'vitest') continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });
});
