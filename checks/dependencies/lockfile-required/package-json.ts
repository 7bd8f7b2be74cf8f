import path from 'node:path/posix';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { hasEntries, keyRange, manifestKey } from '../../support/package-dependencies.ts';
import { readPackageManifest } from '../../support/package-scripts.ts';
import { missingWhere, parentOf } from './manifest-directory.ts';

/** Files that pin the whole dependency tree, one per package manager. */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** Which member directories a workspace root covers; `unknown` when its manifest could not be read. */
type Workspaces = { kind: 'globs'; matches: (relative: string) => boolean } | { kind: 'none' } | { kind: 'unknown' };

export default defineDetector<MessageId>({
  kinds: ['package-json'],
  needs: 'yaml',
  detect(context) {
    const section = SECTIONS.map((name) => manifestKey(context, name)).find(hasEntries);
    const at = section && keyRange(section);
    if (!at) return;
    const dir = directoryOf(context.path);
    if (hasLockfile(context, dir)) return;
    for (let root = parentOf(dir); root !== undefined; root = parentOf(root)) {
      if (!hasLockfile(context, root)) continue;
      const workspaces = workspacesOf(context, root);
      if (workspaces.kind === 'unknown') return;
      if (workspaces.kind === 'globs' && workspaces.matches(path.relative(root || '.', dir))) return;
    }
    context.report({
      range: at,
      messageId: 'missing',
      data: { file: context.path, where: missingWhere(dir), lockfiles: 'package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock' },
    });
  },
});

function hasLockfile(context: CheckContext, dir: string): boolean {
  return LOCKFILES.some((name) => context.repo.has(dir ? `${dir}/${name}` : name));
}

/** The workspace globs declared at `root` (npm/yarn/bun `workspaces`, pnpm-workspace.yaml), once per run. */
function workspacesOf(context: CheckContext, root: string): Workspaces {
  return context.perRun(`lockfile-required:workspaces:${root}`, (): Workspaces => {
    const patterns: string[] = [];
    const manifestPath = root ? `${root}/package.json` : 'package.json';
    if (context.repo.has(manifestPath)) {
      const manifest = readPackageManifest(context, manifestPath);
      if (!manifest) return { kind: 'unknown' };
      const declared = manifest.json.workspaces;
      const list = Array.isArray(declared) ? declared : isObject(declared) && Array.isArray(declared.packages) ? declared.packages : [];
      patterns.push(...list.filter((pattern): pattern is string => typeof pattern === 'string'));
    }
    const pnpmPath = root ? `${root}/pnpm-workspace.yaml` : 'pnpm-workspace.yaml';
    if (context.repo.has(pnpmPath)) {
      const text = context.repo.read(pnpmPath);
      if (text === undefined) return { kind: 'unknown' };
      let parsed: unknown;
      try {
        parsed = parseYaml(text);
      } catch {
        return { kind: 'unknown' };
      }
      if (isObject(parsed) && Array.isArray(parsed.packages)) {
        patterns.push(...parsed.packages.filter((pattern): pattern is string => typeof pattern === 'string'));
      }
    }
    if (patterns.length === 0) return { kind: 'none' };
    const clean = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(clean);
    const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => clean(pattern.slice(1)));
    const included = include.length > 0 ? picomatch(include, { dot: true }) : () => false;
    const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
    return { kind: 'globs', matches: (relative) => included(relative) && !excluded(relative) };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
