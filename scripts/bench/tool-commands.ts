import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolConfigs } from './bench-workspace.ts';
import type { ProcessSpec } from './measure-process.ts';

/** The project root (scripts/bench/ is two levels below it). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each tool the benchmark runs, as a child-process spec over one repository directory. */
export interface ToolCommands {
  /** Our whole review, exactly as a user runs the CLI. */
  review(dir: string): ProcessSpec;
  /** Our CLI with only the secrets/* rules on. */
  secretsOnly(dir: string): ProcessSpec;
  eslint(dir: string): ProcessSpec;
  typescriptParse(dir: string): ProcessSpec;
  /** A web-tree-sitter parse of every Python file (the Python floor's parse half). */
  pythonParse(dir: string): ProcessSpec;
  /** A `yaml` parse of every YAML file (the manifests' floor's parse half). */
  yamlParse(dir: string): ProcessSpec;
  secretlint(dir: string): ProcessSpec;
}

const require = createRequire(import.meta.url);

/** The file a package's `bin` entry points at, so it runs on our Node rather than via a shim. */
function binOf(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (!bin) throw new Error(`${packageName} declares no "${binName}" executable`);
  return path.join(path.dirname(manifestPath), bin);
}

/**
 * Children run on this process's Node (22, from node_modules/.bin) with node_modules/.bin first
 * on PATH, as `npm run` would give them. Linters exit 1 when they report something: that is a
 * completed run. Our CLI runs with --fail-on never, so anything but 0 is a failure.
 */
export function toolCommands(configs: ToolConfigs): ToolCommands {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [path.join(PROJECT_ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter),
    NO_COLOR: '1',
  };
  // Relative to PROJECT_ROOT, the cwd of these children: the command a user types.
  const cli = path.join('src', 'cli', 'main.ts');
  const eslint = binOf('eslint', 'eslint');
  const secretlint = binOf('secretlint', 'secretlint');
  const parseAll = fileURLToPath(new URL('./parse-all.ts', import.meta.url));
  const parseAllPython = fileURLToPath(new URL('./parse-all-python.ts', import.meta.url));
  const parseAllYaml = fileURLToPath(new URL('./parse-all-yaml.ts', import.meta.url));
  return {
    review: (dir) => ({
      args: [cli, 'scan', dir, '--format', 'json', '--fail-on', 'never'],
      cwd: PROJECT_ROOT,
      env,
      okExitCodes: [0],
    }),
    secretsOnly: (dir) => ({
      args: [cli, 'scan', dir, '--format', 'json', '--fail-on', 'never', '--config', configs.secretsOnly],
      cwd: PROJECT_ROOT,
      env,
      okExitCodes: [0],
    }),
    eslint: (dir) => ({
      args: [eslint, '--config', configs.eslint, '--format', 'json', '--no-warn-ignored', '.'],
      cwd: dir,
      env,
      okExitCodes: [0, 1],
    }),
    typescriptParse: (dir) => ({ args: [parseAll, dir], cwd: dir, env, okExitCodes: [0] }),
    // cwd is the project so that web-tree-sitter and the grammar resolve from its node_modules.
    pythonParse: (dir) => ({ args: [parseAllPython, dir], cwd: PROJECT_ROOT, env, okExitCodes: [0] }),
    // cwd is the project so that `yaml` resolves from its node_modules.
    yamlParse: (dir) => ({ args: [parseAllYaml, dir], cwd: PROJECT_ROOT, env, okExitCodes: [0] }),
    secretlint: (dir) => ({
      args: [secretlint, '**/*', '--secretlintrc', configs.secretlint, '--format', 'json', '--no-gitignore', '--no-color', '--no-terminalLink'],
      cwd: dir,
      env,
      okExitCodes: [0, 1],
    }),
  };
}
