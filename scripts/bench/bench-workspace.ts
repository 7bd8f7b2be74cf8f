import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateShellRepo } from './generate-shell-repo.ts';
import { generateManifestRepo } from './generate-manifest-repo.ts';
import { generatePythonRepo } from './generate-python-repo.ts';
import { generateRepo, type GeneratedFile } from './generate-repo.ts';

/** A synthetic repository written to disk. */
export interface BenchRepo {
  dir: string;
  /** Source files (TS/JS, Python for a Python repository, manifests for a Kubernetes one). */
  scriptFiles: number;
  /** Every file, the manifests included. */
  files: number;
  lines: number;
  bytes: number;
}

/** A repository of JS/TS, Python, shell scripts and manifests, and the same files split in parts. */
export interface MixedBenchRepo {
  whole: BenchRepo;
  parts: { javascript: BenchRepo; python: BenchRepo; scriptsAndManifests: BenchRepo };
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
  readonly #repos = new Map<string, BenchRepo>();

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

  /** The TS/JS repository of `scriptFiles` source files, generated and written on first use. */
  repo(scriptFiles: number): BenchRepo {
    return this.#written(`repo-${scriptFiles}`, scriptFiles, () => generateRepo({ scriptFiles, seed: this.#seed }));
  }

  /** The Python repository of `pythonFiles` modules, generated and written on first use. */
  pythonRepo(pythonFiles: number): BenchRepo {
    return this.#written(`python-${pythonFiles}`, pythonFiles, () => generatePythonRepo({ pythonFiles, seed: this.#seed }));
  }

  /** A repository of `scripts` shell scripts (entrypoints and tasks), generated and written on first use. */
  shellRepo(scripts: number): BenchRepo {
    return this.#written(`shell-${scripts}`, scripts, () => generateShellRepo({ scripts, seed: this.#seed }));
  }

  /** Kubernetes configuration of `manifests` plain manifest files or Helm templates, generated and written on first use. */
  manifestRepo(manifests: number, style: 'plain' | 'helm'): BenchRepo {
    return this.#written(`manifests-${style}-${manifests}`, manifests, () => generateManifestRepo({ manifests, style, seed: this.#seed }));
  }

  /**
   * A monorepo of `sourceFiles` source files, half a Node API (`api/`) and half Python services
   * (`services/`), with start scripts and manifests at the root; and each of those three parts
   * on its own, to compare the whole with the sum of its parts.
   */
  mixedRepo(sourceFiles: number): MixedBenchRepo {
    const half = Math.floor(sourceFiles / 2);
    const javascript = generateRepo({ scriptFiles: half, seed: this.#seed }).map((file) => underFolder('api', file));
    const python = generatePythonRepo({ pythonFiles: sourceFiles - half, seed: this.#seed }).map((file) => underFolder('services', file));
    const shared = scriptsAndManifests();
    return {
      whole: this.#written(`mixed-${sourceFiles}`, sourceFiles, () => [...javascript, ...python, ...shared]),
      parts: {
        javascript: this.#written(`mixed-${sourceFiles}-javascript`, half, () => javascript),
        python: this.#written(`mixed-${sourceFiles}-python`, sourceFiles - half, () => python),
        scriptsAndManifests: this.#written(`mixed-${sourceFiles}-rest`, 0, () => shared),
      },
    };
  }

  #written(name: string, scriptFiles: number, generate: () => readonly GeneratedFile[]): BenchRepo {
    const existing = this.#repos.get(name);
    if (existing) return existing;
    const repo = writeRepo(path.join(this.root, name), scriptFiles, generate());
    this.#repos.set(name, repo);
    return repo;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function writeRepo(dir: string, scriptFiles: number, files: readonly GeneratedFile[]): BenchRepo {
  let lines = 0;
  let bytes = 0;
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    lines += file.content.split('\n').length - (file.content.endsWith('\n') ? 1 : 0);
    bytes += Buffer.byteLength(file.content);
  }
  return { dir, scriptFiles, files: files.length, lines, bytes };
}

function underFolder(folder: string, file: GeneratedFile): GeneratedFile {
  return { path: `${folder}/${file.path}`, content: file.content };
}

/** What a monorepo keeps at its root: how its processes start and ship. */
function scriptsAndManifests(): GeneratedFile[] {
  return [
    { path: 'Procfile', content: 'web: node api/dist/server.js\nreports: gunicorn services.web.app:app\nworker: celery -A services.workers.app worker\n' },
    {
      path: 'docker-compose.yml',
      content: 'services:\n  api:\n    build: ./api\n  reports:\n    build: ./services\n  postgres:\n    image: postgres:16.4\n  redis:\n    image: redis:7.2.5\n',
    },
    { path: 'api/Dockerfile', content: 'FROM node:22.12-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "dist/server.js"]\n' },
    { path: 'scripts/release.sh', content: '#!/bin/sh\nset -eu\npython -m services.migrate\nnode api/dist/migrate.js\n' },
    { path: 'scripts/smoke-test.sh', content: '#!/bin/sh\nset -eu\ncurl -fsS "$BASE_URL/healthz"\ncurl -fsS "$BASE_URL/reports/healthz"\n' },
  ];
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
