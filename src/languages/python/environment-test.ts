import type { Node } from 'web-tree-sitter';
import { environmentNameRead } from './environment-name-read.ts';
import type { PythonModule } from './module.ts';
import { stringValue } from './syntax.ts';
import { environmentSide, type EnvironmentSide } from '../../../checks/support/environment-side.ts';

/** One outcome of a test on the environment name: the environment it holds in. */
export interface EnvironmentBranch {
  side: EnvironmentSide;
  /** The environment as the code names it (`"production"`), or the opposite side's usual name. */
  env: string;
}

/** A condition on the environment name: which variable, and where each outcome runs. */
export interface EnvironmentTest {
  variable: string;
  whenTrue: EnvironmentBranch;
  whenFalse: EnvironmentBranch;
}

const MAX_HOPS = 4;

/**
 * A condition comparing the environment name with environment names: `ENV == "production"`,
 * `os.environ["FLASK_ENV"] != "development"`, `APP_ENV in ("prod", "staging")`, `not IS_DEV`
 * where `IS_DEV = ENV == "development"`. Undefined for anything else, including DEBUG flags.
 */
export function environmentTest(module: PythonModule, condition: Node, hops = 0): EnvironmentTest | undefined {
  let node = condition;
  while (node.type === 'parenthesized_expression' && node.namedChildCount === 1) node = node.namedChild(0)!;
  if (hops > MAX_HOPS) return undefined;
  if (node.type === 'not_operator') {
    const inner = node.childForFieldName('argument');
    const test = inner ? environmentTest(module, inner, hops + 1) : undefined;
    return test && { variable: test.variable, whenTrue: test.whenFalse, whenFalse: test.whenTrue };
  }
  if (node.type === 'identifier') {
    const bound = module.constants.get(node.text);
    return bound ? environmentTest(module, bound, hops + 1) : undefined;
  }
  if (node.type !== 'comparison_operator') return undefined;
  const operators = node.childrenForFieldName('operators').map((operator) => operator?.text.replace(/\s+/g, ' '));
  const operands = node.namedChildren.filter((child): child is Node => child !== null);
  if (operators.length !== 1 || operands.length !== 2) return undefined;
  const [left, right] = operands as [Node, Node];
  const leftName = environmentNameRead(module, left);
  const variable = leftName ?? environmentNameRead(module, right);
  if (variable === undefined) return undefined;
  const operator = operators[0];
  const matching = namedEnvironments(leftName !== undefined ? right : left, operator === 'in' || operator === 'not in');
  if (!matching) return undefined;
  const other: EnvironmentBranch = matching.side === 'dev' ? { side: 'prod', env: 'production' } : { side: 'dev', env: 'development' };
  if (operator === '==' || operator === 'is' || operator === 'in') return { variable, whenTrue: matching, whenFalse: other };
  if (operator === '!=' || operator === 'is not' || operator === 'not in') return { variable, whenTrue: other, whenFalse: matching };
  return undefined;
}

/** The environment a literal names, or the one side all names of a tuple/list/set share. */
function namedEnvironments(value: Node, collection: boolean): EnvironmentBranch | undefined {
  if (!collection) {
    const env = stringValue(value);
    const side = environmentSide(env);
    return side && env !== undefined ? { side, env } : undefined;
  }
  if (value.type !== 'tuple' && value.type !== 'list' && value.type !== 'set') return undefined;
  const branches = value.namedChildren.map((item) => (item ? namedEnvironments(item, false) : undefined));
  const first = branches[0];
  return first && branches.every((branch) => branch?.side === first.side) ? first : undefined;
}
