import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { argument, calleeName, dottedName, keywordArgument, positionalArguments, qualifiedName, stringValue } from './syntax.ts';

/** How many name hops `readsEnvironment` follows. */
const MAX_HOPS = 4;

/** One read of an environment variable. */
export interface EnvRead {
  /** The variable's name when it is a literal. */
  name: string | undefined;
  /** The fallback expression (`os.getenv("X", fallback)`, `env("X", default=…)`), if any. */
  fallback: Node | undefined;
  /** The whole read expression. */
  node: Node;
}

/** `os.environ` and its aliases (`from os import environ`). */
function isEnviron(module: PythonModule, node: Node | null): boolean {
  return qualifiedName(module, node) === 'os.environ';
}

/** Readers whose first argument is the variable's name and whose fallback is `default=` (or the second argument). */
const CONFIG_READERS = new Set([
  'os.getenv',
  'os.environ.get',
  'os.environ.setdefault',
  'decouple.config',
]);

/**
 * The environment read `node` is, if any: `os.environ["X"]`, `os.environ.get("X", d)`,
 * `os.getenv("X", d)`, `os.environ.setdefault`, python-decouple `config("X", default=d)`,
 * django-environ / environs readers (`env("X")`, `env.str("X", default=d)`, on a name bound to
 * `environ.Env()` or `environs.Env()`), `dj_database_url.config(default=d)`.
 */
export function envRead(module: PythonModule, node: Node): EnvRead | undefined {
  if (node.type === 'subscript' && isEnviron(module, node.childForFieldName('value'))) {
    return { name: stringValue(node.childForFieldName('subscript')), fallback: undefined, node };
  }
  if (node.type !== 'call') return undefined;
  const callee = calleeName(module, node);
  if (callee === undefined) return undefined;
  if (CONFIG_READERS.has(callee) || isEnvReaderCall(module, node)) {
    const [first] = positionalArguments(node);
    return { name: stringValue(first), fallback: argument(node, 1, 'default'), node };
  }
  if (callee === 'dj_database_url.config') {
    return { name: stringValue(keywordArgument(node, 'env')) ?? 'DATABASE_URL', fallback: keywordArgument(node, 'default'), node };
  }
  return undefined;
}

/** `env("X")` / `env.str("X")` where `env` is bound to `environ.Env(…)` or `environs.Env()`. */
function isEnvReaderCall(module: PythonModule, call: Node): boolean {
  const callee = dottedName(call.childForFieldName('function'));
  if (callee === undefined) return false;
  const [head, ...rest] = callee.split('.');
  if (rest.length > 1) return false;
  const bound = module.constants.get(head!);
  if (bound?.type !== 'call') return false;
  const constructor = calleeName(module, bound);
  return constructor === 'environ.Env' || constructor === 'environs.Env';
}

/** True when the expression reads the environment anywhere, following module-level names. */
export function readsEnvironment(module: PythonModule, node: Node, hops = 0, seen = new Set<number>()): boolean {
  if (seen.has(node.id)) return false;
  seen.add(node.id);
  if (envRead(module, node)) return true;
  if (node.type === 'identifier' && hops < MAX_HOPS) {
    const value = module.constants.get(node.text);
    return value !== undefined && readsEnvironment(module, value, hops + 1, seen);
  }
  return node.namedChildren.some((child) => child !== null && readsEnvironment(module, child, hops, seen));
}
