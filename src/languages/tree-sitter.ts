import { createRequire } from 'node:module';
import type { Language, Node, Tree } from 'web-tree-sitter';
import { UnparsableFileError } from '../../checks/define-check.ts';

/*
 * One web-tree-sitter runtime per process, shared by every tree-sitter language (Python, shell).
 * A grammar is the `.wasm` its npm package ships — no native build — loaded once, and only when
 * a file of its language is under review.
 */

type WebTreeSitter = typeof import('web-tree-sitter');

/** A loaded grammar. */
export interface TreeSitterLanguage {
  /** Parses a file: a tree holding a syntax error throws UnparsableFileError. */
  parse(text: string): Tree;
  /** Parses text as it is, errors and all (command strings in manifests: read what is intact). */
  parseLeniently(text: string): Tree;
}

const require = createRequire(import.meta.url);
let runtime: Promise<WebTreeSitter> | undefined;
const languages = new Map<string, Promise<TreeSitterLanguage>>();
const loaded = new Map<string, TreeSitterLanguage>();

/** Loads the grammar shipped at `wasmSpecifier` (e.g. `tree-sitter-python/tree-sitter-python.wasm`) once. */
export function loadTreeSitterLanguage(wasmSpecifier: string): Promise<TreeSitterLanguage> {
  let language = languages.get(wasmSpecifier);
  if (!language) {
    runtime ??= import('web-tree-sitter').then(async (module) => {
      await module.Parser.init();
      return module;
    });
    language = runtime.then(async (module) => {
      const grammar = await module.Language.load(require.resolve(wasmSpecifier));
      const ready = wrap(module, grammar);
      loaded.set(wasmSpecifier, ready);
      return ready;
    });
    languages.set(wasmSpecifier, language);
  }
  return language;
}

/** The grammar at `wasmSpecifier`, which the engine loaded before any detector ran. */
export function loadedTreeSitterLanguage(wasmSpecifier: string): TreeSitterLanguage {
  const language = loaded.get(wasmSpecifier);
  if (!language) throw new Error(`tree-sitter grammar ${wasmSpecifier} used before it was loaded`);
  return language;
}

function wrap(module: WebTreeSitter, grammar: Language): TreeSitterLanguage {
  const parser = new module.Parser();
  parser.setLanguage(grammar);
  return {
    parse(text) {
      return assertWellFormed(this.parseLeniently(text));
    },
    parseLeniently(text) {
      const tree = parser.parse(text);
      if (!tree) throw new UnparsableFileError('the parser gave up');
      return tree;
    },
  };
}

/**
 * Tree-sitter recovers from syntax errors instead of failing. A tree holding an ERROR or
 * MISSING node is treated like a file that does not parse: skipped, counted and named with the
 * first error's position, so a half-read file is never reported clean (README, "Languages").
 */
function assertWellFormed(tree: Tree): Tree {
  if (!tree.rootNode.hasError) return tree;
  const error = firstError(tree.rootNode);
  const problem = error
    ? new UnparsableFileError(
        `${error.isMissing ? `missing "${error.type}"` : 'syntax error'} at ${error.startPosition.row + 1}:${error.startPosition.column + 1}`,
        error.startPosition.row + 1,
      )
    : new UnparsableFileError('syntax error');
  tree.delete();
  throw problem;
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}
