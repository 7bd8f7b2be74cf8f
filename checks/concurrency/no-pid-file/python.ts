import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { boundValue } from '../../../src/languages/python/bound-value.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { argument, calleeName, keywordArgument, lastPart, positionalArguments, resolveValue, stringValue } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';
import { isGunicornConfig } from '../../../src/languages/python/is-gunicorn-config.ts';

const OPENERS = new Set(['open', 'io.open', 'codecs.open']);
/** Text around a pid that still makes the content "just the pid": `"%d\n" % pid`, `f"{pid}\n"`. */
const PID_TEMPLATE = /^(?:\s|\\n)*(?:%[ds]|\{\}|\{0\})(?:\s|\\n)*$/;

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    if (isGunicornConfig(context.path)) {
      const pidfile = module.constants.get('pidfile');
      if (pidfile && pidfile.type !== 'none' && stringValue(pidfile) !== '') {
        context.report({ range: [pidfile.parent!.startIndex, pidfile.parent!.endIndex], messageId: 'gunicornPidfile' });
      }
    }
    for (const call of module.calls) {
      const write = fileWrite(module, call);
      if (!write) continue;
      if (isPidPath(module, write.path) || (write.content !== undefined && isJustThePid(module, write.content))) {
        context.report({ range: [call.startIndex, call.endIndex], messageId: 'pidWrite' });
      }
    }
  },
});

/** A write to a file: `f.write(x)` on a handle opened for writing, `print(x, file=f)`, `Path(p).write_text(x)`. */
function fileWrite(module: PythonModule, call: Node): { path: Node | undefined; content: Node | undefined } | undefined {
  const callee = calleeName(module, call);
  const target = call.childForFieldName('function');
  // `(RUN / "app.pid").write_text(…)`: the receiver has no dotted name, the method still counts.
  const method = target?.type === 'attribute' ? target.childForFieldName('attribute')?.text : callee;
  const receiver = target?.childForFieldName('object') ?? undefined;
  if (callee === 'print') {
    const file = keywordArgument(call, 'file');
    const opened = file && openedFile(module, file);
    return opened && { path: opened, content: positionalArguments(call)[0] };
  }
  if (!receiver) return undefined;
  if (method === 'write_text' || method === 'write_bytes') return { path: pathOf(module, receiver), content: argument(call, 0, 'data') };
  if (method !== 'write' && method !== 'writelines') return undefined;
  const opened = openedFile(module, receiver);
  return opened && { path: opened, content: positionalArguments(call)[0] };
}

/** The path a handle was opened for writing at (`open(p, "w")`, `Path(p).open("a")`), by value or `with … as f`. */
function openedFile(module: PythonModule, handle: Node): Node | undefined {
  const opener = handle.type === 'call' ? handle : boundValue(module, handle) ?? withTarget(handle);
  if (opener?.type !== 'call') return undefined;
  const callee = calleeName(module, opener);
  if (OPENERS.has(callee ?? '')) {
    const mode = stringValue(argument(opener, 1, 'mode'));
    return mode !== undefined && /[wax+]/.test(mode) ? argument(opener, 0, 'file') : undefined;
  }
  const receiver = opener.childForFieldName('function')?.childForFieldName('object');
  if (lastPart(callee) === 'open' && receiver) {
    const mode = stringValue(argument(opener, 0, 'mode'));
    return mode !== undefined && /[wax+]/.test(mode) ? pathOf(module, receiver) : undefined;
  }
  return undefined;
}

/** The opener of `with open(…) as name:` around `name`'s use. */
function withTarget(name: Node): Node | undefined {
  if (name.type !== 'identifier') return undefined;
  for (let scope = name.parent; scope; scope = scope.parent) {
    if (scope.type !== 'with_statement') continue;
    for (const item of scope.descendantsOfType('as_pattern')) {
      if (item?.childForFieldName('alias')?.text === name.text) return item.namedChild(0) ?? undefined;
    }
  }
  return undefined;
}

/** The path expression of `Path(p)`, `Path(d) / "x.pid"`, or a name bound to one. */
function pathOf(module: PythonModule, node: Node): Node | undefined {
  const value = node.type === 'identifier' ? boundValue(module, node) ?? node : node;
  if (value.type === 'call') return positionalArguments(value)[0];
  return value;
}

/** A path whose last literal part ends in `.pid`: `"/var/run/app.pid"`, `f"{RUN}/app.pid"`, `os.path.join(d, "app.pid")`, `d / "app.pid"`. */
function isPidPath(module: PythonModule, node: Node | undefined): boolean {
  if (!node) return false;
  const value = resolveValue(module, node);
  if (value.type === 'binary_operator') return isPidPath(module, value.childForFieldName('right') ?? undefined);
  if (value.type === 'call') {
    const parts = positionalArguments(value);
    return /(?:^|\.)(?:join|Path|PurePath)$/.test(calleeName(module, value) ?? '') && isPidPath(module, parts.at(-1));
  }
  if (value.type !== 'string') return false;
  const last = value.namedChildren.filter((child) => child?.type === 'string_content').at(-1);
  return last !== undefined && last !== null && value.namedChildren.at(-2)?.id === last.id && /\.pid$/i.test(last.text);
}

/** The written content is the pid alone: `str(os.getpid())`, `f"{os.getpid()}\n"`, `"%d" % pid`, `pid` bound to `os.getpid()`. */
function isJustThePid(module: PythonModule, node: Node): boolean {
  const value = node.type === 'identifier' ? boundValue(module, node) ?? node : node;
  if (value.type === 'call') {
    const callee = calleeName(module, value);
    if (callee === 'os.getpid') return true;
    if (callee === 'str' || callee === 'repr' || callee === 'bytes') return argumentIsPid(module, positionalArguments(value)[0]);
    const receiver = value.childForFieldName('function')?.childForFieldName('object');
    if (lastPart(callee) === 'encode' && receiver) return isJustThePid(module, receiver);
    if (lastPart(callee) === 'format' && receiver && PID_TEMPLATE.test(stringValue(receiver) ?? '-')) return argumentIsPid(module, positionalArguments(value)[0]);
    return false;
  }
  if (value.type === 'binary_operator' && value.childForFieldName('operator')?.text === '%') {
    return PID_TEMPLATE.test(stringValue(value.childForFieldName('left')) ?? '-') && argumentIsPid(module, value.childForFieldName('right') ?? undefined);
  }
  if (value.type === 'string') {
    const interpolations = value.namedChildren.filter((child) => child?.type === 'interpolation');
    const literal = value.namedChildren.filter((child) => child?.type === 'string_content').map((child) => child!.text).join('');
    return interpolations.length === 1 && /^(?:\s|\\n)*$/.test(literal) && argumentIsPid(module, interpolations[0]!.childForFieldName('expression') ?? undefined);
  }
  return false;
}

function argumentIsPid(module: PythonModule, node: Node | undefined): boolean {
  return node !== undefined && isJustThePid(module, node);
}
