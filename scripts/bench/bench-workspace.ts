import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRepo } from './generate-repo.ts';

/** A synthetic repository written to disk. */
export interface BenchRepo {
  dir: string;
  /** TS/JS source files. */
  scriptFiles: number;
  /** Every file, the package.json included. */
  files: number;
  lines: number;
  bytes: number;
}

/** Paths of the tools' configuration files, outside every repository so no tool scans them. */
export interface ToolConfigs {
  eslint: string;
  secretlint: string;
  /** Our configuration with every rule but `secrets/*` switched off. */
  secretsOnly: string;
}

/**
 * The benchmark's scratch space under os.tmpdir(): one directory per repository size, plus the
 * tools' configuration files beside them. `dispose()` removes all of it.
 */
export class BenchWorkspace {
  readonly root: string;
  readonly configs: ToolConfigs;
  readonly #seed: number;
  readonly #repos = new Map<number, BenchRepo>();

  /** `nonSecretRuleIds` are switched off in the secrets-only configuration. */
  constructor(options: { seed: number; nonSecretRuleIds: readonly string[]; typescriptParserUrl: string }) {
    this.#seed = options.seed;
    this.root = mkdtempSync(path.join(os.tmpdir(), 'twelve-factor-bench-'));
    const tools = path.join(this.root, 'tools');
    mkdirSync(tools);
    this.configs = {
      eslint: path.join(tools, 'eslint.config.mjs'),
      secretlint: path.join(tools, '.secretlintrc.json'),
      secretsOnly: path.join(tools, '.twelve-factor.yml'),
    };
    writeFileSync(this.configs.eslint, eslintConfig(options.typescriptParserUrl));
    writeFileSync(this.configs.secretlint, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
    writeFileSync(this.configs.secretsOnly, secretsOnlyConfig(options.nonSecretRuleIds));
  }

  /** The repository of `scriptFiles` source files, generated and written on first use. */
  repo(scriptFiles: number): BenchRepo {
    const existing = this.#repos.get(scriptFiles);
    if (existing) return existing;
    const dir = path.join(this.root, `repo-${scriptFiles}`);
    const generated = generateRepo({ scriptFiles, seed: this.#seed });
    let lines = 0;
    let bytes = 0;
    for (const file of generated) {
      const target = path.join(dir, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      lines += file.content.split('\n').length - (file.content.endsWith('\n') ? 1 : 0);
      bytes += Buffer.byteLength(file.content);
    }
    const repo: BenchRepo = { dir, scriptFiles, files: generated.length, lines, bytes };
    this.#repos.set(scriptFiles, repo);
    return repo;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * ESLint 9 flat config: typescript-eslint's parser (no type information) and five cheap,
 * syntax-only core rules, over every TS/JS extension the generator writes. The parser is
 * imported by absolute URL because the workspace has no node_modules of its own.
 */
function eslintConfig(typescriptParserUrl: string): string {
  return `import parser from ${JSON.stringify(typescriptParserUrl)};

export default [
  {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-console': 'error',
      'no-debugger': 'error',
      eqeqeq: 'error',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
`;
}

/**
 * Secret scanning alone. Switching factor 3 off would switch secrets off too (they count for
 * factor 3), so every other rule is switched off by id.
 */
function secretsOnlyConfig(nonSecretRuleIds: readonly string[]): string {
  const rules = nonSecretRuleIds.map((id) => `  ${id}: off`).join('\n');
  return `fail_on: never\nrules:${rules ? `\n${rules}` : ' {}'}\n`;
}
