import type { Node } from 'web-tree-sitter';

/** What runs in each process after an `os.fork()`, as far as the code's `if` on its result says. */
export interface ForkBranches {
  /** The statements only the parent runs (a block), if any. */
  parent: Node | undefined;
  /** The statements only the child runs (a block), if any. */
  child: Node | undefined;
}

/**
 * The parent's and the child's branches of `os.fork()` (`forkCall`): an `if` testing the call
 * itself (`if os.fork():`, `if os.fork() == 0:`) or the name it is assigned to
 * (`pid = os.fork()` followed by `if pid > 0:` / `if pid == 0:` / `if not pid:`). Undefined
 * when no such test follows.
 */
export function forkBranches(forkCall: Node): ForkBranches | undefined {
  const direct = enclosingCondition(forkCall);
  if (direct) return branchesOf(direct, forkCall.text);
  const assignment = forkCall.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== forkCall.id) return undefined;
  const pid = assignment.childForFieldName('left');
  const statement = assignment.parent;
  if (pid?.type !== 'identifier' || statement?.type !== 'expression_statement') return undefined;
  for (let next = statement.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'if_statement' && forkTest(next.childForFieldName('condition'), pid.text) !== undefined) return branchesOf(next, pid.text);
  }
  return undefined;
}

/** The `if` whose condition is (or compares) the fork call itself. */
function enclosingCondition(forkCall: Node): Node | undefined {
  let node = forkCall;
  while (node.parent && (node.parent.type === 'comparison_operator' || node.parent.type === 'not_operator' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const statement = node.parent;
  return statement?.type === 'if_statement' && statement.childForFieldName('condition')?.id === node.id ? statement : undefined;
}

/**
 * Which process a condition on the fork result selects: `pid`, `pid > 0`, `pid != 0` select
 * the parent; `pid == 0`, `not pid` the child.
 */
function forkTest(condition: Node | null, forked: string): 'parent' | 'child' | undefined {
  if (!condition) return undefined;
  const text = condition.text.replace(/\s+/g, '');
  const subject = forked.replace(/\s+/g, '');
  if (text === subject || text === `${subject}>0` || text === `${subject}!=0` || text === `0<${subject}` || text === `0!=${subject}`) return 'parent';
  if (text === `${subject}==0` || text === `0==${subject}` || text === `not${subject}` || condition.type === 'not_operator' && condition.namedChild(0)?.text.replace(/\s+/g, '') === subject) {
    return 'child';
  }
  return undefined;
}

function branchesOf(statement: Node, forked: string): ForkBranches | undefined {
  const selects = forkTest(statement.childForFieldName('condition'), forked);
  if (!selects) return undefined;
  const consequence = statement.childForFieldName('consequence') ?? undefined;
  let other: Node | undefined;
  for (const clause of statement.namedChildren) {
    if (clause?.type === 'else_clause') other ??= clause.childForFieldName('body') ?? undefined;
    if (clause?.type === 'elif_clause' && forkTest(clause.childForFieldName('condition'), forked) !== selects) {
      other ??= clause.childForFieldName('consequence') ?? undefined;
    }
  }
  return selects === 'parent' ? { parent: consequence, child: other } : { parent: other, child: consequence };
}
