import path from 'node:path/posix';
import type { Node } from 'web-tree-sitter';
import { DYNAMIC } from '../shell/command-line.ts';
import { boundValue } from './bound-value.ts';
import type { PythonModule } from './module.ts';
import { staticText } from './static-text.ts';
import { calleeName, lastPart, positionalArguments, qualifiedName } from './syntax.ts';

/** A file path as far as it is known statically, and what it is relative to. */
export interface StaticPath {
  /** Joined with `/`, relative to `base` when there is one; run-time parts are `DYNAMIC`. */
  text: string;
  /**
   * `module`: the module's own directory (`__file__`); `project`: the project's root (Django's
   * `settings.BASE_DIR`, Flask's `app.root_path`); `cwd`: the working directory (`os.getcwd()`).
   */
  base?: 'module' | 'project' | 'cwd';
}

const MAX_DEPTH = 8;
/** Calls that return their (first) path argument's path. */
const SAME_PATH = new Set(['os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'os.path.expanduser', 'os.fspath', 'str']);
const JOINS = new Set(['os.path.join', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath']);
/** Methods of `pathlib.Path` that return the same path. */
const SAME_PATH_METHODS = new Set(['resolve', 'absolute', 'expanduser']);
/** Settings that name the project's root directory. */
const PROJECT_ROOTS = new Set(['django.conf.settings.BASE_DIR', 'flask.current_app.root_path']);

/**
 * The path an expression builds: literals and f-strings, `__file__`, `os.path.join/dirname/
 * abspath`, `pathlib.Path(…)` with `/`, `.parent`, `.parents[n]`, `.joinpath()`, `.resolve()`,
 * `os.getcwd()`, Django's `settings.BASE_DIR`, Flask's `app.root_path`, and names bound once.
 */
export function staticPath(module: PythonModule, node: Node, depth = 0): StaticPath {
  if (depth > MAX_DEPTH) return { text: DYNAMIC };
  const next = (child: Node | null | undefined): StaticPath => (child ? staticPath(module, child, depth + 1) : { text: DYNAMIC });
  switch (node.type) {
    case 'identifier': {
      if (node.text === '__file__') return { text: '__file__', base: 'module' };
      const value = boundValue(module, node);
      if (value) return next(value);
      return PROJECT_ROOTS.has(qualifiedName(module, node) ?? '') ? { text: '', base: 'project' } : { text: DYNAMIC };
    }
    case 'attribute': {
      const name = qualifiedName(module, node);
      if (PROJECT_ROOTS.has(name ?? '') || lastPart(name) === 'root_path') return { text: '', base: 'project' };
      if (node.childForFieldName('attribute')?.text === 'parent') return parent(next(node.childForFieldName('object')));
      return { text: DYNAMIC };
    }
    case 'subscript': {
      // `Path(__file__).parents[1]`: two levels up.
      const value = node.childForFieldName('value');
      const index = Number(node.childForFieldName('subscript')?.text);
      if (value?.type !== 'attribute' || value.childForFieldName('attribute')?.text !== 'parents' || !Number.isInteger(index)) return { text: DYNAMIC };
      let result = next(value.childForFieldName('object'));
      for (let level = 0; level <= index; level++) result = parent(result);
      return result;
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.type;
      const left = next(node.childForFieldName('left'));
      const right = next(node.childForFieldName('right'));
      if (operator === '/') return join(left, right);
      if (operator === '+') return { ...left, text: left.text + right.text };
      return { text: DYNAMIC };
    }
    case 'string': {
      const [first] = node.namedChildren.filter((child) => child?.type !== 'string_start');
      if (first?.type !== 'interpolation') return { text: staticText(module, node) };
      // f"{BASE_DIR}/plugins/{name}.py": the first field may be a base directory.
      const head = next(first.childForFieldName('expression'));
      const rest = node.namedChildren.slice(node.namedChildren.indexOf(first) + 1);
      return { ...head, text: head.text + rest.map((part) => (part?.type === 'interpolation' ? DYNAMIC : part?.type === 'string_end' ? '' : (part?.text ?? ''))).join('') };
    }
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? next(node.namedChild(0)) : { text: DYNAMIC };
    case 'call':
      return callPath(module, node, next);
    default:
      return { text: staticText(module, node) };
  }
}

function callPath(module: PythonModule, call: Node, next: (child: Node | null | undefined) => StaticPath): StaticPath {
  const callee = call.childForFieldName('function');
  const name = calleeName(module, call);
  const args = positionalArguments(call);
  if (name === 'os.getcwd' || name === 'pathlib.Path.cwd') return { text: '', base: 'cwd' };
  if (name === 'os.path.dirname') return parent(next(args[0]));
  if (name !== undefined && SAME_PATH.has(name)) return next(args[0]);
  if (name !== undefined && JOINS.has(name)) return args.length === 0 ? { text: '', base: 'cwd' } : args.map((arg) => next(arg)).reduce(join);
  if (callee?.type !== 'attribute') return { text: DYNAMIC };
  const method = callee.childForFieldName('attribute')?.text;
  const receiver = callee.childForFieldName('object');
  if (method !== undefined && SAME_PATH_METHODS.has(method)) return next(receiver);
  if (method === 'joinpath') return [next(receiver), ...args.map((arg) => next(arg))].reduce(join);
  if (method === 'with_suffix' || method === 'with_name') {
    const own = next(receiver);
    const part = staticText(module, args[0] ?? call);
    const text = method === 'with_name' ? path.join(path.dirname(own.text), part) : own.text.replace(/(\.[^./]*)?$/, part);
    return { ...own, text };
  }
  return { text: DYNAMIC };
}

/** `a / b`, `os.path.join(a, b)`: an absolute `b` (or one with a base) replaces `a`. */
function join(left: StaticPath, right: StaticPath): StaticPath {
  if (right.base !== undefined || right.text.startsWith('/')) return right;
  if (left.text === '') return { ...left, text: right.text };
  return { ...left, text: `${left.text}/${right.text}` };
}

/** The directory of a path: `__file__` → the module's directory; above a base, `..`. */
function parent(of: StaticPath): StaticPath {
  if (of.base !== undefined && (of.text === '' || /^(\.\.\/)*\.\.$/.test(of.text))) return { ...of, text: of.text === '' ? '..' : `${of.text}/..` };
  const dir = path.dirname(of.text);
  return { ...of, text: dir === '.' ? '' : dir };
}
