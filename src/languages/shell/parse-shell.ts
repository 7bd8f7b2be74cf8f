import type { Node, Tree } from 'web-tree-sitter';
import { loadedTreeSitterLanguage, loadTreeSitterLanguage, type TreeSitterLanguage } from '../tree-sitter.ts';
import type { ShellCommand, ShellWord } from './commands.ts';

/** The grammar every shell reading of the project uses: scripts, Dockerfile lines, Procfiles, package.json scripts. */
export const SHELL_GRAMMAR = 'tree-sitter-bash/tree-sitter-bash.wasm';

/** Loads the shell grammar once per process (the engine does, before rules that read commands run). */
export function loadShellGrammar(): Promise<TreeSitterLanguage> {
  return loadTreeSitterLanguage(SHELL_GRAMMAR);
}

/**
 * Parses shell text leniently: command strings in manifests are often fragments or templated,
 * and the intact parts are still worth reading. A Dockerfile's `# escape=\`` continuation is
 * rewritten to a shell one of the same length, so offsets stay exact.
 */
export function parseShellTree(text: string, escape: string): Tree {
  const source = escape === '\\' ? text : text.replaceAll(`${escape}\n`, '\\\n');
  return loadedTreeSitterLanguage(SHELL_GRAMMAR).parseLeniently(source);
}

/** Operators that end a simple command, as tree-sitter-bash leaves them between statements. */
const OPERATORS = new Set(['&&', '||', ';', ';;', ';&', ';;&', '|', '|&', '&']);
/** Nodes whose commands are part of a word, or data, not commands of the text. */
const OPAQUE = new Set(['command_substitution', 'process_substitution', 'heredoc_body', 'comment']);
/** Nodes that only wrap a statement: the operator after them ends the command inside. */
const WRAPPERS = new Set(['redirected_statement', 'negated_command']);

/** The simple commands of a parsed text, in document order; frees the tree. */
export function shellCommandsOf(tree: Tree, text: string, offset: number): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const visit = (node: Node): void => {
    if (OPAQUE.has(node.type)) return;
    if (node.type === 'command') {
      const words = commandWords(node, text, offset);
      if (words.length > 0) commands.push({ words, start: words[0]!.start, end: words.at(-1)!.end, separator: separatorAfter(node, text) });
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  try {
    visit(tree.rootNode);
  } finally {
    tree.delete();
  }
  return commands;
}

/** The words of one simple command: leading assignments, the program and its arguments (redirections dropped). */
export function commandWords(command: Node, text: string, offset: number): ShellWord[] {
  const words: ShellWord[] = [];
  for (const child of command.namedChildren) {
    if (!child || child.type.endsWith('redirect') || child.type === 'comment') continue;
    const part = child.type === 'command_name' ? (child.firstNamedChild ?? child) : child;
    words.push({ value: wordValue(part), start: part.startIndex + offset, end: part.endIndex + offset, quoted: isQuoted(part) });
  }
  return words;
}

/** The operator that ends the command, climbing through wrappers and lists; a newline or `''` otherwise. */
function separatorAfter(command: Node, text: string): string {
  let unit: Node = command;
  for (;;) {
    while (unit.parent && WRAPPERS.has(unit.parent.type)) unit = unit.parent;
    let next = unit.nextSibling;
    while (next?.type === 'comment') next = next.nextSibling;
    if (next && !next.isNamed && OPERATORS.has(next.type)) return next.type;
    if (next && (next.isNamed || next.type === '\n')) return text.slice(unit.endIndex, next.startIndex).includes('\n') ? '\n' : ';';
    const parent = unit.parent;
    if (!parent || parent.type === 'program') return next ? '\n' : '';
    if (parent.type !== 'list' && parent.type !== 'pipeline') return next ? next.type : '';
    unit = parent;
  }
}

/** The value of a word as the shell passes it: quotes removed, escapes resolved, expansions kept as written. */
export function wordValue(node: Node): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string':
      return unescapeDoubleQuoted(node.text.slice(1, -1));
    case 'translated_string':
      return unescapeDoubleQuoted(node.text.slice(2, -1));
    case 'word':
    case 'number':
      return node.text.replace(/\\\r?\n/g, '').replace(/\\(.)/gs, '$1');
    case 'concatenation':
      return node.namedChildren.map((part) => (part ? wordValue(part) : '')).join('');
    case 'variable_assignment': {
      const value = node.childForFieldName('value');
      return `${node.childForFieldName('name')?.text ?? ''}=${value ? wordValue(value) : ''}`;
    }
    default:
      return node.text;
  }
}

function unescapeDoubleQuoted(inner: string): string {
  return inner.replace(/\\\r?\n/g, '').replace(/\\(["\\$`])/g, '$1');
}

/** A quoted or escaped word; an assignment counts as one by its name, which is never quoted. */
export function isQuoted(node: Node): boolean {
  return node.type !== 'variable_assignment' && /["'\\]/.test(node.text);
}
