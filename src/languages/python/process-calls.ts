import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';
import { argvCommands, DYNAMIC, parseCommandLine } from '../shell/command-line.ts';
import { boundValue } from './bound-value.ts';
import { pythonModule, type PythonModule } from './module.ts';
import { commandArgument, LAUNCHERS, mayLaunch, type LaunchForm } from './spawned-command.ts';
import { staticText } from './static-text.ts';
import { booleanValue, calleeName, keywordArgument, positionalArguments, qualifiedName } from './syntax.ts';

/** A place where Python code starts another program, with what it runs as far as that is known. */
export interface ProcessCall {
  /** The call: findings sit here. */
  call: Node;
  /** Each simple command it runs, as words; run-time parts are `DYNAMIC`, `sys.executable` is `python`. */
  commands: readonly (readonly string[])[];
  /** The `cwd=` argument, when given. */
  cwd: Node | undefined;
}

const MAX_HOPS = 4;

/**
 * Every launcher call of the reviewed module (spawned-command.ts names them) with the commands
 * it runs, once per file: argument lists (also held in a name, extended with `+`, or
 * `shlex.split` of a line), command lines (f-strings, `%` and `.format()` templates), and
 * `sh -c '…'` scripts, through the project's shell reading.
 */
export function processCalls(context: CheckContext): readonly ProcessCall[] {
  return context.perFile('python:process-calls', () => {
    if (!mayLaunch(context.text)) return [];
    const module = pythonModule(context);
    const found: ProcessCall[] = [];
    for (const call of module.calls) {
      const via = calleeName(module, call);
      const form = via === undefined ? undefined : LAUNCHERS[via];
      const commands = form ? commandsOf(module, call, form) : [];
      if (commands.length > 0) found.push({ call, commands, cwd: keywordArgument(call, 'cwd') });
    }
    return found;
  });
}

function commandsOf(module: PythonModule, call: Node, form: LaunchForm): string[][] {
  const positional = positionalArguments(call);
  switch (form.kind) {
    case 'line': {
      const line = commandArgument(call);
      return line ? parseCommandLine(staticText(module, line)) : [];
    }
    case 'args': {
      const args = commandArgument(call);
      if (!args) return [];
      const list = listItems(module, args);
      if (list === undefined) return parseCommandLine(staticText(module, shlexSplitSource(module, args) ?? args));
      const words = list.map((item) => word(module, item));
      // With shell=True the first item is the command line; the others are the shell's own arguments.
      const shell = booleanValue(keywordArgument(call, 'shell')) === true;
      return shell ? parseCommandLine(words[0] ?? DYNAMIC) : argvCommands(words);
    }
    case 'argv': {
      const program = positional[form.program];
      const argv = positional[form.program + 1];
      if (!program) return [];
      const rest = argv ? (listItems(module, argv)?.slice(1) ?? []) : [];
      return argvCommands([word(module, program), ...rest.map((item) => word(module, item))]);
    }
    case 'varargs': {
      const program = positional[form.program];
      if (!program) return [];
      return argvCommands([word(module, program), ...positional.slice(form.first).map((item) => word(module, item))]);
    }
  }
}

/** One argument as a word: `sys.executable` is the running Python. */
function word(module: PythonModule, node: Node): string {
  return qualifiedName(module, node) === 'sys.executable' ? 'python' : staticText(module, node);
}

/** The items of a list or tuple, through names bound once and `[…] + rest`; undefined for anything else. */
function listItems(module: PythonModule, node: Node, hops = 0): Node[] | undefined {
  if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  if (hops >= MAX_HOPS) return undefined;
  if (node.type === 'identifier') {
    const value = boundValue(module, node);
    return value ? listItems(module, value, hops + 1) : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+') {
    const left = node.childForFieldName('left');
    const items = left ? listItems(module, left, hops + 1) : undefined;
    // What the right side adds is not known here; it comes after the program either way.
    return items ? [...items, node.childForFieldName('right')!] : undefined;
  }
  return undefined;
}

/** `shlex.split("curl -s …")`: the command line it splits. */
function shlexSplitSource(module: PythonModule, node: Node): Node | undefined {
  if (node.type !== 'call' || calleeName(module, node) !== 'shlex.split') return undefined;
  return positionalArguments(node)[0];
}
