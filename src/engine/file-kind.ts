import path from 'node:path/posix';
import picomatch from 'picomatch';
import { kubernetesFileKind } from '../languages/kubernetes/file-kinds.ts';

/**
 * What a file is, as far as rules care. A rule declares the kinds it reads; the engine
 * classifies each path once.
 */
export type FileKind =
  | 'javascript'
  | 'python'
  | 'requirements'
  | 'pyproject'
  | 'pipfile'
  | 'package-json'
  | 'dockerfile'
  | 'compose'
  | 'procfile'
  | 'env-file'
  | 'shell'
  | 'yaml'
  | 'json'
  | 'kustomization'
  | 'helm-template'
  | 'helm-values'
  | 'text';

const SCRIPT_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -e`: a script the shell reads. */
const SHELL_SHEBANG = /^#!\s*(?:\/usr\/bin\/env\s+(?:-\S+\s+)*)?(?:\/\S*\/)?(?:sh|bash|dash|ash|ksh|zsh)(?:\s|$)/;

/** Names start scripts go by (RULES-commands.md §2.8): `entrypoint`, `docker-entrypoint.sh`, `start-web`, `bin/worker`… */
const START_SCRIPT_NAME = /^(?:entrypoint|docker-entrypoint|[\w-]+-entrypoint|start|start-[\w-]+|[\w-]+-start|startup|boot|run|serve|server|web|worker)(?:\.(?:sh|bash))?$/;

export function hasStartScriptName(filePath: string): boolean {
  return START_SCRIPT_NAME.test(path.basename(filePath));
}

/**
 * Classifies a repository-relative, forward-slash path; with the file's text, an extension-less
 * file whose shebang names a shell is a shell script (`bin/web`, `docker-entrypoint`).
 */
export function fileKindOf(filePath: string, text?: string): FileKind {
  const base = path.basename(filePath);
  const lower = base.toLowerCase();
  const ext = path.extname(lower);
  if (SCRIPT_EXTENSIONS.has(ext) && !lower.endsWith('.d.ts')) return 'javascript';
  if (ext === '.py') return 'python';
  if (isRequirementsFile(filePath)) return 'requirements';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'Pipfile') return 'pipfile';
  if (base === 'package.json') return 'package-json';
  if (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')) {
    return 'dockerfile';
  }
  if (/^(docker-)?compose([.-][\w.-]*)?\.ya?ml$/.test(lower)) return 'compose';
  if (base === 'Procfile' || /^Procfile\.[\w-]+$/.test(base)) return 'procfile';
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'env-file';
  if (ext === '.sh' || ext === '.bash') return 'shell';
  const kubernetes = kubernetesFileKind(filePath);
  if (kubernetes) return kubernetes;
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '' && text !== undefined && SHELL_SHEBANG.test(text)) return 'shell';
  return 'text';
}

/**
 * pip requirements files (RULES-python.md, "II. Dependencies"): `requirements*.txt`,
 * `*-requirements.txt` and any `.txt` in a `requirements/` folder; never `*.in` or constraints.
 */
const REQUIREMENTS = picomatch(['**/requirements*.txt', '**/*-requirements.txt', '**/requirements/**/*.txt'], { dot: true });
const CONSTRAINTS = picomatch(['**/constraints*.txt'], { dot: true });

function isRequirementsFile(filePath: string): boolean {
  return REQUIREMENTS(filePath) && !CONSTRAINTS(filePath);
}

const TEST_PATH = picomatch(
  [
    '**/{test,tests,__tests__,__mocks__,fixtures,__fixtures__,spec,e2e}/**',
    '**/*.{test,spec}.*',
    '**/test_*.py',
    '**/*_test.py',
    '**/conftest.py',
    '**/tests.py',
  ],
  { dot: true },
);

/** Test code is exempt from factor rules (not from secret scanning). */
export function isTestPath(filePath: string): boolean {
  return TEST_PATH(filePath);
}

const VENDORED = picomatch(
  ['**/{node_modules,vendor,third_party,bower_components,.git}/**'],
  { dot: true },
);
const GENERATED = picomatch(
  ['**/{dist,build,coverage,out,.next,.nuxt}/**', '**/*.min.{js,mjs,cjs,css}', '**/*.map', '**/*.d.ts'],
  { dot: true },
);

/** Why a path is skipped by default, or undefined when it is analysed. */
export function defaultSkipReason(filePath: string): 'vendored' | 'generated' | undefined {
  if (VENDORED(filePath)) return 'vendored';
  if (GENERATED(filePath)) return 'generated';
  return undefined;
}

/** Files above this size are skipped and counted (DESIGN.md, CLI). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A NUL byte in the first 8 KiB marks a binary file, as git decides it. */
export function looksBinary(content: Uint8Array): boolean {
  const end = Math.min(content.length, 8000);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}
