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

/** Launchers taking the command as their first argument (`args=`): a list of words or a string. */
const COMMAND_LAUNCHERS = new Set([
  'subprocess.run',
  'subprocess.call',
  'subprocess.check_call',
  'subprocess.check_output',
  'subprocess.Popen',
  'subprocess.getoutput',
  'subprocess.getstatusoutput',
  'os.system',
  'os.popen',
  'asyncio.create_subprocess_shell',
]);
/** Launchers taking each word as its own positional argument. */
const WORD_LAUNCHERS = new Set(['asyncio.create_subprocess_exec']);

/** The command a `subprocess`, `os.system` or asyncio launcher call starts, if it is one. */
export function spawnedCommand(module: PythonModule, call: Node): SpawnedCommand | undefined {
  const via = calleeName(module, call);
  if (via === undefined) return undefined;
  if (WORD_LAUNCHERS.has(via)) return fromWords(via, module, positionalArguments(call));
  if (!COMMAND_LAUNCHERS.has(via)) return undefined;
  const command = argument(call, 0, 'args') ?? argument(call, 0, 'cmd') ?? argument(call, 0, 'command');
  if (!command) return { via, text: undefined, shown: undefined };
  const value = resolveValue(module, command);
  if (value.type === 'list' || value.type === 'tuple') {
    return fromWords(via, module, value.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment'));
  }
  const text = stringValue(value);
  return { via, text, shown: text };
}

function fromWords(via: string, module: PythonModule, words: readonly Node[]): SpawnedCommand {
  // `[sys.executable, "manage.py", "migrate"]` runs the same interpreter: `python`.
  const values = words.map((word) => (qualifiedName(module, word) === 'sys.executable' ? 'python' : stringValue(resolveValue(module, word))));
  if (values.length === 0 || values.some((value) => value === undefined)) return { via, text: undefined, shown: undefined };
  return { via, text: values.map((value) => `'${value!.replace(/'/g, `'\\''`)}'`).join(' '), shown: values.join(' ') };
}
