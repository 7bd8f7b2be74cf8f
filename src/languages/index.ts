import type { FileKind } from '../engine/file-kind.ts';
import { SHELL_GRAMMAR } from './shell/parse-shell.ts';

/*
 * The languages the engine knows, by file kind: what parses them and what the rule table calls
 * them. Adding a language registers it here; its parser adapter and support code live in its own
 * folder beside this file, its detectors beside the rules.
 */

/** The tree-sitter grammar (the `.wasm` its npm package ships) of each tree-sitter file kind. */
export const TREE_SITTER_GRAMMARS: Readonly<Partial<Record<FileKind, string>>> = {
  python: 'tree-sitter-python/tree-sitter-python.wasm',
  shell: SHELL_GRAMMAR,
};

/** The name the rule table gives each file kind's language. */
export const LANGUAGE_NAMES: Readonly<Record<FileKind, string>> = {
  javascript: 'JS/TS',
  python: 'Python',
  requirements: 'requirements.txt',
  pyproject: 'pyproject.toml',
  pipfile: 'Pipfile',
  'package-json': 'package.json',
  dockerfile: 'Dockerfile',
  compose: 'Compose',
  procfile: 'Procfile',
  'env-file': '.env',
  shell: 'shell',
  yaml: 'YAML',
  json: 'JSON',
  kustomization: 'Kustomization',
  'helm-template': 'Helm template',
  'helm-values': 'Helm values',
  text: 'any file',
};
