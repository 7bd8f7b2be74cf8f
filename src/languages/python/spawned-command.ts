import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { argument, calleeName, positionalArguments, qualifiedName, resolveValue, stringValue } from './syntax.ts';

/** A command a call starts: its shell text when every word is a literal. */
export interface SpawnedCommand {
  /** The launching function: `subprocess.run`. */
  readonly via: string;
  /** The command as shell text (words quoted), undefined when a word is not a literal. */
  readonly text: string | undefined;
  /** The command as a message shows it: `alembic upgrade head`. */
  readonly shown: string | undefined;
}

/**
 * How each launcher takes its command: `line`, a shell command line; `args`, an argument list
 * (or a string: a command line); `argv`, a program then a list whose first item is the program's
 * own name; `varargs`, a program then its arguments one by one, from position `first`.
 */
export type LaunchForm =
  | { kind: 'line' }
  | { kind: 'args' }
  | { kind: 'argv'; program: number }
  | { kind: 'varargs'; program: number; first: number };

const LINE: LaunchForm = { kind: 'line' };
const ARGS: LaunchForm = { kind: 'args' };

/** The functions that start a program, by qualified name. */
export const LAUNCHERS: Readonly<Record<string, LaunchForm>> = {
  'subprocess.run': ARGS,
  'subprocess.call': ARGS,
  'subprocess.check_call': ARGS,
  'subprocess.check_output': ARGS,
  'subprocess.Popen': ARGS,
  'subprocess.getoutput': LINE,
  'subprocess.getstatusoutput': LINE,
  'os.system': LINE,
  'os.popen': LINE,
  'asyncio.create_subprocess_shell': LINE,
  'asyncio.create_subprocess_exec': { kind: 'varargs', program: 0, first: 1 },
  'os.execv': { kind: 'argv', program: 0 },
  'os.execve': { kind: 'argv', program: 0 },
  'os.execvp': { kind: 'argv', program: 0 },
  'os.execvpe': { kind: 'argv', program: 0 },
  'os.posix_spawn': { kind: 'argv', program: 0 },
  'os.posix_spawnp': { kind: 'argv', program: 0 },
  'os.spawnv': { kind: 'argv', program: 1 },
  'os.spawnve': { kind: 'argv', program: 1 },
  'os.spawnvp': { kind: 'argv', program: 1 },
  'os.spawnvpe': { kind: 'argv', program: 1 },
  // `os.execl(path, arg0, arg1…)`: the arguments follow the program's own name.
  'os.execl': { kind: 'varargs', program: 0, first: 2 },
  'os.execle': { kind: 'varargs', program: 0, first: 2 },
  'os.execlp': { kind: 'varargs', program: 0, first: 2 },
  'os.execlpe': { kind: 'varargs', program: 0, first: 2 },
  'os.spawnl': { kind: 'varargs', program: 1, first: 3 },
  'os.spawnle': { kind: 'varargs', program: 1, first: 3 },
  'os.spawnlp': { kind: 'varargs', program: 1, first: 3 },
  'os.spawnlpe': { kind: 'varargs', program: 1, first: 3 },
};

/**
 * True unless the text cannot call a launcher: each launcher's module (`subprocess`, also in
 * `create_subprocess_*`) or function name (`system`, `popen`, `exec*`, `spawn*`, `getoutput`)
 * must be written in the module, at the call or in its import, whatever the aliases.
 */
export function mayLaunch(text: string): boolean {
  return /subprocess|system|popen|exec[lv]|spawn|getoutput|getstatusoutput/.test(text);
}

/** The command argument of a `line` or `args` launcher call (`args=`, `cmd=`, `command=`). */
export function commandArgument(call: Node): Node | undefined {
  return argument(call, 0, 'args') ?? argument(call, 0, 'cmd') ?? argument(call, 0, 'command');
}

/** The command a `subprocess`, `os` or asyncio launcher call starts, if it is one. */
export function spawnedCommand(module: PythonModule, call: Node): SpawnedCommand | undefined {
  const via = calleeName(module, call);
  const form = via === undefined ? undefined : LAUNCHERS[via];
  if (!form) return undefined;
  const positional = positionalArguments(call);
  if (form.kind === 'varargs') {
    const program = positional[form.program];
    return fromWords(via!, module, program ? [program, ...positional.slice(form.first)] : []);
  }
  if (form.kind === 'argv') {
    const [program, argv] = [positional[form.program], positional[form.program + 1]];
    const list = argv && resolveValue(module, argv);
    const rest = list?.type === 'list' || list?.type === 'tuple' ? list.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment').slice(1) : [];
    return fromWords(via!, module, program ? [program, ...rest] : []);
  }
  const command = commandArgument(call);
  if (!command) return { via: via!, text: undefined, shown: undefined };
  const value = resolveValue(module, command);
  if (value.type === 'list' || value.type === 'tuple') {
    return fromWords(via!, module, value.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment'));
  }
  const text = stringValue(value);
  return { via: via!, text, shown: text };
}

function fromWords(via: string, module: PythonModule, words: readonly Node[]): SpawnedCommand {
  // `[sys.executable, "manage.py", "migrate"]` runs the same interpreter: `python`.
  const values = words.map((word) => (qualifiedName(module, word) === 'sys.executable' ? 'python' : stringValue(resolveValue(module, word))));
  if (values.length === 0 || values.some((value) => value === undefined)) return { via, text: undefined, shown: undefined };
  return { via, text: values.map((value) => `'${value!.replace(/'/g, `'\\''`)}'`).join(' '), shown: values.join(' ') };
}
