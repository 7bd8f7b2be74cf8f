import type { Node } from 'web-tree-sitter';
import { envRead } from './environment.ts';
import type { PythonModule } from './module.ts';
import { enclosingFunction, stringValue } from './syntax.ts';

/** How many name hops are followed (`ENV = os.getenv("APP_ENV"); IS_PROD = ENV == …`). */
const MAX_HOPS = 4;
/** Variables that name the deploy rather than configure it (RULES-python.md III). */
const ENVIRONMENT_NAME = /^(?:ENV|ENVIRONMENT|STAGE|[A-Z][A-Z0-9_]*_ENV)$/;
/** String methods that keep the environment name an environment name. */
const NORMALISERS = new Set(['lower', 'upper', 'strip', 'casefold']);

/**
 * The variable an expression reads the deploy's environment name from, if it does:
 * `os.environ["FLASK_ENV"]`, `os.getenv("APP_ENV", "development").lower()`, a name bound to one
 * (at module level, or once in the enclosing function), a setting written in capitals
 * (`ENV`, `settings.ENVIRONMENT`, `app.config["ENV"]`). DEBUG, TESTING and
 * DJANGO_SETTINGS_MODULE are not environment names.
 */
export function environmentNameRead(module: PythonModule, expression: Node, hops = 0): string | undefined {
  const node = unwrap(expression);
  const read = envRead(module, node);
  if (read) return read.name !== undefined && ENVIRONMENT_NAME.test(read.name.toUpperCase()) ? read.name : undefined;
  if (hops >= MAX_HOPS) return undefined;
  switch (node.type) {
    case 'identifier': {
      const bound = module.constants.get(node.text) ?? localValue(node);
      const read = bound && environmentNameRead(module, bound, hops + 1);
      return read ?? (ENVIRONMENT_NAME.test(node.text) ? node.text : undefined);
    }
    case 'attribute': {
      const name = node.childForFieldName('attribute')?.text;
      return name !== undefined && ENVIRONMENT_NAME.test(name) ? name : undefined;
    }
    case 'subscript': {
      const key = stringValue(node.childForFieldName('subscript'));
      return key !== undefined && ENVIRONMENT_NAME.test(key) ? key : undefined;
    }
    case 'boolean_operator': {
      // `os.getenv("APP_ENV") or "development"`
      const left = node.childForFieldName('left');
      return node.childForFieldName('operator')?.type === 'or' && left ? environmentNameRead(module, left, hops + 1) : undefined;
    }
    case 'call':
      return normalisedRead(module, node, hops);
    default:
      return undefined;
  }
}

/** `x.lower()` of an environment name, or `config.get("ENV")`. */
function normalisedRead(module: PythonModule, call: Node, hops: number): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute') return undefined;
  const method = callee.childForFieldName('attribute')?.text ?? '';
  const receiver = callee.childForFieldName('object');
  if (NORMALISERS.has(method) && receiver) return environmentNameRead(module, receiver, hops + 1);
  if (method !== 'get') return undefined;
  const key = stringValue(call.childForFieldName('arguments')?.namedChildren[0]);
  return key !== undefined && ENVIRONMENT_NAME.test(key) ? key : undefined;
}

/** The value of a name bound exactly once in the function around it (`env = os.getenv("APP_ENV")`). */
function localValue(identifier: Node): Node | undefined {
  const scope = enclosingFunction(identifier);
  if (!scope) return undefined;
  const bindings = scope
    .descendantsOfType('assignment')
    .filter((assignment): assignment is Node => assignment?.childForFieldName('left')?.type === 'identifier' && assignment.childForFieldName('left')!.text === identifier.text);
  const value = bindings.length === 1 ? bindings[0]!.childForFieldName('right') : undefined;
  return value && value.startIndex < identifier.startIndex ? value : undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChild(0)!;
  return current;
}
