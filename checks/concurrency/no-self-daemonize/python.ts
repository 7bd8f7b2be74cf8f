import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { exitCalls } from '../../../src/languages/python/exit-calls.ts';
import { forkBranches } from '../../../src/languages/python/fork-branches.ts';
import { pythonModule, type PythonModule, nodesOfType } from '../../../src/languages/python/module.ts';
import { argument, booleanValue, calleeName, enclosingFunction, keywordArgument, qualifiedName } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';
import { isGunicornConfig } from '../../../src/languages/python/is-gunicorn-config.ts';

/** python-daemon's context, the `daemonize` and `daemonocle` packages. */
const DAEMON_CONTEXTS = new Set(['daemon.DaemonContext', 'daemon.daemon.DaemonContext']);
const DAEMON_STARTERS = new Set(['daemonize.Daemonize', 'daemonocle.Daemon']);
const SPAWNERS = new Set(['subprocess.Popen', 'subprocess.run', 'subprocess.call']);
/** A repository module called `daemon` shadows python-daemon. */
const LOCAL_DAEMON_MODULE = /(?:^|\/)daemon(?:\.py|\/__init__\.py)$/;

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    if (isGunicornConfig(context.path)) {
      const daemon = module.constants.get('daemon');
      if (booleanValue(daemon) === true) context.report({ range: [daemon!.parent!.startIndex, daemon!.parent!.endIndex], messageId: 'gunicornDaemon' });
    }
    const localDaemon = context.repo.paths().some((filePath) => LOCAL_DAEMON_MODULE.test(filePath));
    const forkingFunctions = new Set<number | undefined>();
    for (const call of module.calls) {
      const callee = calleeName(module, call);
      if (DAEMON_CONTEXTS.has(callee ?? '') && !localDaemon) {
        const entered = enteredAt(module, call);
        if (entered) context.report({ range: [entered.startIndex, entered.endIndex], messageId: 'daemonPackage', data: { package: 'python-daemon' } });
      } else if (DAEMON_STARTERS.has(callee ?? '')) {
        context.report({ range: [call.startIndex, call.endIndex], messageId: 'daemonPackage', data: { package: callee!.split('.')[0]! } });
      } else if (callee === 'os.fork' && detaches(module, call)) {
        // A double fork is one daemonization: the first fork reports.
        const scope = enclosingFunction(call)?.id;
        if (!forkingFunctions.has(scope)) context.report({ range: [call.startIndex, call.endIndex], messageId: 'forkDetach' });
        forkingFunctions.add(scope);
      } else if (SPAWNERS.has(callee ?? '') && respawnsItselfDetached(module, call)) {
        context.report({ range: [call.startIndex, call.endIndex], messageId: 'detachedSelfPython' });
      }
    }
  },
});

/** Where a `DaemonContext` is entered: its own `with` line, or `with ctx:` / `ctx.open()` of the name it is bound to. */
function enteredAt(module: PythonModule, construction: Node): Node | undefined {
  let parent = construction.parent;
  if (parent?.type === 'as_pattern') parent = parent.parent;
  if (parent?.type === 'with_item') return construction;
  const assignment = construction.parent;
  const name = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  if (name?.type !== 'identifier') return undefined;
  for (const item of nodesOfType(module, 'with_item')) {
    const value = item?.namedChild(0);
    const entered = value?.type === 'as_pattern' ? value.namedChild(0) : value;
    if (entered?.type === 'identifier' && entered.text === name.text) return item!;
  }
  return module.calls.find((call) => calleeName(module, call) === `${name.text}.open`);
}

/** The parent exits after the fork (it returns to the shell), or the child starts a new session. */
function detaches(module: PythonModule, fork: Node): boolean {
  const branches = forkBranches(fork);
  if (!branches) return false;
  if (branches.parent && exitCalls(module, branches.parent).length > 0) return true;
  return branches.child !== undefined && module.calls.some((call) => calleeName(module, call) === 'os.setsid' && within(call, branches.child!));
}

/** `Popen([sys.executable, __file__, …], start_new_session=True)`: the program re-started in a session of its own. */
function respawnsItselfDetached(module: PythonModule, call: Node): boolean {
  const newSession =
    booleanValue(keywordArgument(call, 'start_new_session')) === true ||
    qualifiedName(module, keywordArgument(call, 'preexec_fn')) === 'os.setsid' ||
    /DETACHED_PROCESS|CREATE_NEW_PROCESS_GROUP/.test(keywordArgument(call, 'creationflags')?.text ?? '');
  if (!newSession) return false;
  const command = argument(call, 0, 'args');
  if (!command) return false;
  const names = [command, ...command.descendantsOfType(['identifier', 'attribute'])].map((node) => (node ? qualifiedName(module, node) : undefined));
  return names.some((name) => name === '__file__' || name === 'sys.argv');
}

function within(node: Node, block: Node): boolean {
  return block.startIndex <= node.startIndex && node.endIndex <= block.endIndex;
}

