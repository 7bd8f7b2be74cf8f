import path from 'node:path/posix';
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { CheckContext } from '../define-check.ts';
import { findUp } from '../../src/engine/repository.ts';
import { basename, type ShellWord } from '../../src/languages/shell/commands.ts';

/** A package.json of the repository, read through the repository view. */
export interface PackageManifest {
  /** Repository path of the package.json. */
  path: string;
  /** Its directory, '' for the root. */
  dir: string;
  json: Readonly<Record<string, unknown>>;
  scripts: Readonly<Record<string, string>>;
  /** Where each script's `"name": "body"` pair sits in the file: findings on its commands go there. */
  scriptRanges: ReadonlyMap<string, readonly [number, number]>;
}

/** A package.json of the repository, parsed once per run; undefined when absent or not JSON. */
export function readPackageManifest(context: CheckContext, filePath: string): PackageManifest | undefined {
  return context.perRun(`package-manifest:${filePath}`, () => {
    const text = context.repo.read(filePath);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isRecord(json)) return undefined;
    const scripts: Record<string, string> = {};
    if (isRecord(json.scripts)) {
      for (const [name, body] of Object.entries(json.scripts)) if (typeof body === 'string') scripts[name] = body;
    }
    const dir = path.dirname(filePath);
    return { path: filePath, dir: dir === '.' ? '' : dir, json, scripts, scriptRanges: scriptRangesOf(text) };
  });
}

/** The package.json in `fromDir` or the nearest directory above it. */
export function nearestPackageManifest(context: CheckContext, fromDir: string): PackageManifest | undefined {
  const found = findUp(context.repo, fromDir, 'package.json');
  return found === undefined ? undefined : readPackageManifest(context, found);
}

export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun';

/** `npm start`, `npm run build`, `yarn dev`, `pnpm run migrate`, `bun run start`: which script runs. */
export interface ScriptRun {
  manager: PackageManager;
  script: string;
  /** The word naming the script (or the lifecycle command). */
  word: ShellWord;
}

const NPM_RUN = new Set(['run', 'run-script', 'rum', 'urn']);
const LIFECYCLE: Readonly<Record<string, string>> = { start: 'start', test: 'test', t: 'test', tst: 'test', restart: 'restart', stop: 'stop' };
/** Flags of the package managers that take a separate value. */
const VALUE_FLAGS = new Set(['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F']);
const YARN_COMMANDS = new Set([
  'add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'config', 'constraints', 'create', 'dedupe', 'dlx', 'exec',
  'explain', 'generate-lock-entry', 'global', 'help', 'import', 'info', 'init', 'install', 'licenses', 'link', 'list',
  'login', 'logout', 'node', 'npm', 'outdated', 'owner', 'pack', 'patch', 'patch-commit', 'plugin', 'policies',
  'publish', 'rebuild', 'remove', 'search', 'set', 'tag', 'team', 'unlink', 'unplug', 'up', 'upgrade',
  'upgrade-interactive', 'version', 'versions', 'why', 'workspace', 'workspaces',
]);
const PNPM_COMMANDS = new Set([
  'add', 'audit', 'bin', 'config', 'create', 'dedupe', 'deploy', 'dlx', 'doctor', 'env', 'exec', 'fetch', 'i',
  'import', 'init', 'install', 'install-test', 'it', 'licenses', 'link', 'list', 'ln', 'ls', 'outdated', 'pack',
  'patch', 'patch-commit', 'prune', 'publish', 'rb', 'rebuild', 'remove', 'rm', 'root', 'server', 'setup', 'store',
  'un', 'uninstall', 'unlink', 'up', 'update', 'why',
]);

/** The package-manager script a command runs, if it runs one. */
export function scriptRun(words: readonly ShellWord[]): ScriptRun | undefined {
  const [program, ...rest] = words;
  if (!program) return undefined;
  const manager = basename(program.value);
  if (manager !== 'npm' && manager !== 'yarn' && manager !== 'pnpm' && manager !== 'bun') return undefined;
  const args = positional(rest);
  const [first, second] = args;
  if (!first) return undefined;
  if (manager === 'npm') {
    if (NPM_RUN.has(first.value)) return second ? { manager, script: second.value, word: second } : undefined;
    const lifecycle = LIFECYCLE[first.value];
    return lifecycle ? { manager, script: lifecycle, word: first } : undefined;
  }
  if (first.value === 'run' || first.value === 'run-script') return second ? { manager, script: second.value, word: second } : undefined;
  if (manager === 'bun') return first.value === 'start' ? { manager, script: 'start', word: first } : undefined;
  const builtins = manager === 'yarn' ? YARN_COMMANDS : PNPM_COMMANDS;
  if (builtins.has(first.value) || first.value.includes('/') || first.value.includes('.')) return undefined;
  return { manager, script: LIFECYCLE[first.value] ?? first.value, word: first };
}

/** Non-flag words, skipping the values of flags that take one. */
export function positional(words: readonly ShellWord[]): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === '--') break;
    if (value.startsWith('-')) {
      if (VALUE_FLAGS.has(value)) i++;
      continue;
    }
    result.push(words[i]!);
  }
  return result;
}

/**
 * The bodies a script run executes at start, in order: npm and yarn run a `pre<name>` script
 * before `<name>` (pnpm and yarn berry do not, but a pre-script there is rare enough to count).
 */
export function scriptBodies(manifest: PackageManifest, run: ScriptRun): { name: string; body: string }[] {
  const bodies: { name: string; body: string }[] = [];
  const pre = manifest.scripts[`pre${run.script}`];
  if (pre !== undefined && run.manager !== 'bun') bodies.push({ name: `pre${run.script}`, body: pre });
  const body = manifest.scripts[run.script];
  if (body !== undefined) bodies.push({ name: run.script, body });
  return bodies;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `"name": "body"` pairs under `scripts`, by name, with their ranges (JSON read as YAML keeps them). */
function scriptRangesOf(text: string): Map<string, readonly [number, number]> {
  const ranges = new Map<string, readonly [number, number]>();
  const scripts = parseDocument(text).get('scripts', true);
  if (!isMap(scripts)) return ranges;
  for (const pair of scripts.items) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    if (isScalar(key) && key.range) ranges.set(String(key.value), [key.range[0], value?.range?.[1] ?? key.range[1]]);
  }
  return ranges;
}
