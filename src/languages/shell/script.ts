import type { Node } from 'web-tree-sitter';
import type { ShellCommand, ShellParseOptions, ShellWord } from './commands.ts';
import { commandWords, isQuoted, parseShellTree, wordValue } from './parse-shell.ts';

/*
 * A shell script's structure as the process model reads it (RULES-commands.md §4.1): sequences,
 * `&&`/`||`, `if`/`case`, loops, functions, groups, background jobs, redirections and
 * here-documents fed to a shell — read from the tree-sitter-bash tree once and freed, with every
 * word's offset in the file kept. Nothing here decides what a command means.
 */

/** An output or input redirection: `>> /var/log/app.log`, `2>&1`, `&> out.log`. */
export interface ShellRedirect {
  /** `>`, `>>`, `&>`, `&>>`, `>&`, `<`, `>|`… */
  operator: string;
  /** The file descriptor written before the operator (`2` in `2>&1`), if any. */
  descriptor: string | undefined;
  target: ShellWord | undefined;
  start: number;
  end: number;
}

/** How a statement is run by the list around it. */
interface RunMode {
  /** Ended by `&`: runs in the background. */
  background: boolean;
  /** A stage of a pipeline (never `exec`'d, never PID 1). */
  piped: boolean;
}

export type ShellStatement =
  | ({ type: 'command'; command: ShellCommand; redirects: ShellRedirect[]; here: ShellStatement[] | undefined } & RunMode)
  | ({ type: 'group'; body: ShellStatement[]; redirects: ShellRedirect[]; subshell: boolean } & RunMode)
  /** `left && right`: right runs when left succeeds. */
  | ({ type: 'and'; left: ShellStatement; right: ShellStatement } & RunMode)
  /** `left || right`: right runs when left fails (both may run). */
  | ({ type: 'or'; left: ShellStatement; right: ShellStatement } & RunMode)
  | ({ type: 'if'; clauses: ShellClause[]; otherwise: ShellStatement[] | undefined } & RunMode)
  | ({ type: 'case'; subject: ShellWord; items: ShellCaseItem[] } & RunMode)
  | ({ type: 'loop'; condition: ShellStatement[]; body: ShellStatement[]; forever: boolean } & RunMode)
  | { type: 'function'; name: string; body: ShellStatement[] }
  /** `[ … ]`, `[[ … ]]`, `test …`: the test's words in order, operators included. */
  | ({ type: 'test'; words: string[]; negated: boolean; start: number; end: number } & RunMode);

export interface ShellClause {
  condition: ShellStatement[];
  body: ShellStatement[];
}

export interface ShellCaseItem {
  patterns: string[];
  body: ShellStatement[];
}

export interface ShellScript {
  statements: ShellStatement[];
  /** True when the parser met text it could not read (the intact parts are still here). */
  hasErrors: boolean;
}

const SHELLS_READING_STDIN = /^(?:.*\/)?(?:sh|bash|dash|ash|ksh|zsh)$/;
const FOREVER = new Set(['true', ':']);

/** Reads shell text into statements; positions are offsets in the file (`options.offset` added). */
export function readShellScript(text: string, options: ShellParseOptions = {}): ShellScript {
  const tree = parseShellTree(text, options.escape ?? '\\');
  try {
    const reader = new ScriptReader(text, options);
    return { statements: reader.statements(tree.rootNode.children), hasErrors: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

const NO_MODE: RunMode = { background: false, piped: false };

class ScriptReader {
  readonly #text: string;
  readonly #options: ShellParseOptions;
  readonly #offset: number;

  constructor(text: string, options: ShellParseOptions) {
    this.#text = text;
    this.#options = options;
    this.#offset = options.offset ?? 0;
  }

  /** The statements among sibling nodes, each with the `&` that may follow it. */
  statements(nodes: readonly (Node | null)[]): ShellStatement[] {
    const result: ShellStatement[] = [];
    nodes.forEach((node, index) => {
      if (!node?.isNamed) return;
      const background = nodes[index + 1]?.type === '&';
      const statement = this.statement(node, { background, piped: false });
      if (statement) result.push(statement);
    });
    return result;
  }

  private statement(node: Node, mode: RunMode): ShellStatement | undefined {
    switch (node.type) {
      case 'command':
        return this.command(node, [], mode);
      case 'declaration_command':
      case 'variable_assignment':
      case 'variable_assignments':
        return this.command(node, [], mode);
      case 'redirected_statement': {
        const body = node.childForFieldName('body');
        const redirects = node.childrenForFieldName('redirect').filter((child): child is Node => child !== null);
        if (!body) return undefined;
        if (body.type === 'command') return this.command(body, redirects, mode);
        const inner = this.statement(body, mode);
        if (inner && (inner.type === 'group' || inner.type === 'command')) {
          inner.redirects.push(...this.redirects(redirects));
          return inner;
        }
        if (!inner) return undefined;
        return { type: 'group', body: [inner], redirects: this.redirects(redirects), subshell: false, ...mode };
      }
      case 'list': {
        const [left, right] = node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
        const operator = node.children.find((child) => child && !child.isNamed && (child.type === '&&' || child.type === '||'))?.type;
        const leftStatement = left ? this.statement(left, NO_MODE) : undefined;
        const rightStatement = right ? this.statement(right, NO_MODE) : undefined;
        if (!leftStatement || !rightStatement) return leftStatement ?? rightStatement;
        return { type: operator === '||' ? 'or' : 'and', left: leftStatement, right: rightStatement, ...mode };
      }
      case 'pipeline': {
        const stages = node.namedChildren
          .filter((child): child is Node => child !== null)
          .map((child) => this.statement(child, { background: false, piped: true }))
          .filter((child): child is ShellStatement => child !== undefined);
        return { type: 'group', body: stages, redirects: [], subshell: false, ...mode, piped: true };
      }
      case 'subshell':
      case 'compound_statement':
        return { type: 'group', body: this.statements(node.children), redirects: [], subshell: node.type === 'subshell', ...mode };
      case 'negated_command': {
        const inner = node.namedChildren.find((child) => child !== null);
        const statement = inner ? this.statement(inner, mode) : undefined;
        if (statement?.type === 'test') statement.negated = !statement.negated;
        return statement;
      }
      case 'if_statement':
        return this.ifStatement(node, mode);
      case 'case_statement':
        return this.caseStatement(node, mode);
      case 'while_statement':
      case 'until_statement':
      case 'for_statement':
      case 'c_style_for_statement': {
        const condition = node.type === 'while_statement' || node.type === 'until_statement' ? node.childrenForFieldName('condition') : [];
        const body = node.childForFieldName('body');
        const conditionStatements = this.statements(condition);
        const forever = node.type === 'while_statement' && conditionStatements.length === 1 && isForeverCondition(conditionStatements[0]!);
        return { type: 'loop', condition: conditionStatements, body: body ? this.statements(body.children) : [], forever, ...mode };
      }
      case 'function_definition': {
        const name = node.childForFieldName('name')?.text ?? '';
        const body = node.childForFieldName('body');
        return { type: 'function', name, body: body ? (body.type === 'compound_statement' || body.type === 'subshell' ? this.statements(body.children) : this.statements([body])) : [] };
      }
      case 'test_command':
        return { type: 'test', words: testWords(node), negated: false, start: node.startIndex + this.#offset, end: node.endIndex + this.#offset, ...mode };
      default:
        return undefined;
    }
  }

  private command(node: Node, redirectNodes: readonly Node[], mode: RunMode): ShellStatement {
    const words = node.type === 'command' ? commandWords(node, this.#text, this.#offset) : assignmentWords(node, this.#offset);
    const program = words.find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value) || word.quoted)?.value;
    if (program === '[' || program === 'test') {
      const at = words.findIndex((word) => word.value === program);
      const testArgs = words.slice(at + 1).map((word) => word.value);
      if (testArgs.at(-1) === ']') testArgs.pop();
      return { type: 'test', words: testArgs, negated: false, start: node.startIndex + this.#offset, end: node.endIndex + this.#offset, ...mode };
    }
    const inline = [...redirectNodes, ...node.namedChildren.filter((child): child is Node => child !== null && child.type.endsWith('redirect'))];
    const here = program !== undefined && SHELLS_READING_STDIN.test(program) ? this.hereDocumentScript(inline) : undefined;
    const start = words[0]?.start ?? node.startIndex + this.#offset;
    const end = words.at(-1)?.end ?? node.endIndex + this.#offset;
    return { type: 'command', command: { words, start, end, separator: '' }, redirects: this.redirects(inline), here, ...mode };
  }

  /** The body of a here-document fed to a shell (`sh <<'EOF'`), read as commands. */
  private hereDocumentScript(redirects: readonly Node[]): ShellStatement[] | undefined {
    const body = redirects.find((redirect) => redirect.type === 'heredoc_redirect')?.namedChildren.find((child) => child?.type === 'heredoc_body');
    if (!body) return undefined;
    return readShellScript(this.#text.slice(body.startIndex, body.endIndex), { ...this.#options, offset: this.#offset + body.startIndex }).statements;
  }

  private redirects(nodes: readonly Node[]): ShellRedirect[] {
    const result: ShellRedirect[] = [];
    for (const node of nodes) {
      if (node.type !== 'file_redirect') continue;
      const operator = node.children.find((child) => child && !child.isNamed)?.type ?? '>';
      const descriptor = node.childForFieldName('descriptor')?.text;
      const destination = node.childrenForFieldName('destination').find((child) => child !== null);
      const target = destination
        ? { value: wordValue(destination), start: destination.startIndex + this.#offset, end: destination.endIndex + this.#offset, quoted: isQuoted(destination) }
        : undefined;
      result.push({ operator, descriptor, target, start: node.startIndex + this.#offset, end: node.endIndex + this.#offset });
    }
    return result;
  }

  private ifStatement(node: Node, mode: RunMode): ShellStatement {
    const clauses: ShellClause[] = [];
    let otherwise: ShellStatement[] | undefined;
    /** Statements before `then` are the condition, those after it the body (fields differ across the grammar's clauses). */
    const clauseOf = (clause: Node): ShellClause => {
      const children = clause.children.filter((child) => child?.type !== 'elif_clause' && child?.type !== 'else_clause');
      const then = children.findIndex((child) => child?.type === 'then');
      return { condition: this.statements(children.slice(0, then)), body: this.statements(children.slice(then + 1)) };
    };
    clauses.push(clauseOf(node));
    for (const child of node.namedChildren) {
      if (child?.type === 'elif_clause') clauses.push(clauseOf(child));
      if (child?.type === 'else_clause') otherwise = this.statements(child.children);
    }
    return { type: 'if', clauses, otherwise, ...mode };
  }

  private caseStatement(node: Node, mode: RunMode): ShellStatement {
    const value = node.childForFieldName('value');
    const subject: ShellWord = value
      ? { value: wordValue(value), start: value.startIndex + this.#offset, end: value.endIndex + this.#offset, quoted: isQuoted(value) }
      : { value: '', start: node.startIndex + this.#offset, end: node.startIndex + this.#offset, quoted: false };
    const items: ShellCaseItem[] = [];
    for (const item of node.namedChildren) {
      if (item?.type !== 'case_item') continue;
      const patternNodes = item.childrenForFieldName('value').filter((child): child is Node => child !== null);
      const patternIds = new Set(patternNodes.map((child) => child.id));
      items.push({ patterns: patternNodes.map(wordValue), body: this.statements(item.children.filter((child) => child !== null && !patternIds.has(child.id))) });
    }
    return { type: 'case', subject, items, ...mode };
  }
}

/** `export PORT=8080`, `local x=1`, `FOO=bar`: the declaration's words as a command; an assignment is one word (`FOO=bar`). */
function assignmentWords(node: Node, offset: number): ShellWord[] {
  if (node.type === 'variable_assignment') return [{ value: wordValue(node), start: node.startIndex + offset, end: node.endIndex + offset, quoted: isQuoted(node) }];
  const words: ShellWord[] = [];
  for (const child of node.children) {
    if (!child || child.type === 'comment') continue;
    if (!child.isNamed && !/^[a-z]+$/.test(child.type)) continue;
    if (child.type === 'variable_assignments') {
      words.push(...assignmentWords(child, offset));
      continue;
    }
    words.push({ value: wordValue(child), start: child.startIndex + offset, end: child.endIndex + offset, quoted: isQuoted(child) });
  }
  return words;
}

/** The words of a `[ … ]`/`[[ … ]]` test in order, operators included, brackets dropped. */
function testWords(node: Node): string[] {
  const words: string[] = [];
  const visit = (part: Node): void => {
    if (['binary_expression', 'unary_expression', 'parenthesized_expression', 'test_command', 'negated_expression'].includes(part.type)) {
      for (const child of part.children) if (child) visit(child);
      return;
    }
    if (!part.isNamed) {
      if (!['[', ']', '[[', ']]', '(', ')'].includes(part.type)) words.push(part.type);
      return;
    }
    words.push(part.type === 'test_operator' ? part.text : wordValue(part));
  };
  visit(node);
  return words;
}

function isForeverCondition(statement: ShellStatement): boolean {
  return statement.type === 'command' && statement.command.words.length === 1 && FOREVER.has(statement.command.words[0]!.value);
}
