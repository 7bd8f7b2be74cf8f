import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { boundValue } from '../../../src/languages/python/bound-value.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { processCalls, type ProcessCall } from '../../../src/languages/python/process-calls.ts';
import { staticPath, type StaticPath } from '../../../src/languages/python/static-path.ts';
import { DYNAMIC } from '../../../src/languages/shell/command-line.ts';
import { staticText } from '../../../src/languages/python/static-text.ts';
import { argument, calleeName, positionalArguments, stringValue } from '../../../src/languages/python/syntax.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import { codeUpdateCommand } from './update-commands.ts';

/** git subcommands that change the app's checkout (RULES-python.md: `git pull|fetch|clone`). */
const GIT_UPDATES = new Set(['pull', 'fetch', 'clone']);
/** pip's in-process entry points: `pip.main(["install", …])`. */
const PIP_MAINS = new Set(['pip.main', 'pip._internal.main', 'pip._internal.cli.main.main']);
/** Calls that write a file, with where the destination is (index, keyword). */
const FILE_WRITES: Readonly<Record<string, readonly [number, string]>> = {
  'shutil.copy': [1, 'dst'],
  'shutil.copy2': [1, 'dst'],
  'shutil.copyfile': [1, 'dst'],
  'shutil.move': [1, 'dst'],
  'os.rename': [1, 'dst'],
  'os.replace': [1, 'dst'],
  'urllib.request.urlretrieve': [1, 'filename'],
};
const OPEN_FUNCTIONS = new Set(['open', 'io.open', 'codecs.open']);
const PATH_WRITE_METHODS = new Set(['write_text', 'write_bytes']);
const GITPYTHON_UPDATES = new Set(['pull', 'fetch']);

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (isToolingPath(context.path)) return;
    const module = pythonModule(context);
    for (const process of processCalls(context)) {
      const command = codeUpdate(module, process);
      if (command) context.report({ range: [process.call.startIndex, process.call.endIndex], messageId: 'command', data: { command } });
    }
    // What the other calls need is written in the module itself: pip, GitPython's Repo, a `.py` name.
    const mayPip = /\bpip\b/.test(context.text);
    const mayGit = /\bgit\b/.test(context.text);
    const mayWrite = context.text.includes('.py');
    if (!mayPip && !mayGit && !mayWrite) return;
    for (const call of module.calls) {
      const command = (mayPip ? pipMain(module, call) : undefined) ?? (mayGit ? gitPythonUpdate(module, call) : undefined);
      if (command) {
        context.report({ range: [call.startIndex, call.endIndex], messageId: 'command', data: { command } });
        continue;
      }
      const file = mayWrite ? sourceFileWrite(module, call) : undefined;
      if (file) context.report({ range: [call.startIndex, call.endIndex], messageId: 'write', data: { file } });
    }
  },
});

/**
 * The first command of a process call that updates code. pip installs into the running
 * interpreter wherever it runs; git and the project tools work on the directory they run in,
 * so with a `cwd=` elsewhere they work on data (a checkout to analyse), not on the app.
 */
function codeUpdate(module: PythonModule, process: ProcessCall): string | undefined {
  const elsewhere = process.cwd !== undefined && !isOwnDirectory(staticPath(module, process.cwd));
  for (const words of process.commands) {
    const command = codeUpdateCommand(words, GIT_UPDATES);
    if (!command || (elsewhere && !command.startsWith('pip '))) continue;
    if (command === 'git clone' && clonesData(words)) continue;
    return command;
  }
  return undefined;
}

/** `git clone {url} {tmp}`: a clone of a repository named at run time, or into a temporary directory, is data. */
function clonesData(words: readonly string[]): boolean {
  const operands = words.slice(words.indexOf('clone') + 1).filter((word) => !word.startsWith('-'));
  return operands.some((word) => word.includes(DYNAMIC)) || operands.slice(1).some((word) => /^\/(?:var\/)?tmp\//.test(word));
}

function isOwnDirectory(directory: StaticPath): boolean {
  return directory.base !== undefined ? /^[./]*$/.test(directory.text) : /^\.\/?$/.test(directory.text);
}

/** `pip.main(["install", "x"])`: pip run in-process. */
function pipMain(module: PythonModule, call: Node): string | undefined {
  if (!PIP_MAINS.has(calleeName(module, call) ?? '')) return undefined;
  const [args] = positionalArguments(call);
  const first = args?.type === 'list' ? args.namedChildren.find((child) => child !== null) : undefined;
  return first && stringValue(first) === 'install' ? 'pip install' : undefined;
}

/** GitPython: `git.Repo(<own directory>).remotes.origin.pull()`, also through a name bound to the repository. */
function gitPythonUpdate(module: PythonModule, call: Node): string | undefined {
  const callee = call.childForFieldName('function');
  const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
  if (method === undefined || !GITPYTHON_UPDATES.has(method)) return undefined;
  let root: Node | null | undefined = callee!.childForFieldName('object');
  while (root?.type === 'attribute') root = root.childForFieldName('object');
  if (root?.type === 'identifier') root = boundValue(module, root);
  if (root?.type !== 'call' || calleeName(module, root) !== 'git.Repo') return undefined;
  const [directory] = positionalArguments(root);
  return !directory || isOwnDirectory(staticPath(module, directory)) ? `git ${method}` : undefined;
}

/** `open(os.path.join(os.path.dirname(__file__), "generated.py"), "w")`: the written file's name. */
function sourceFileWrite(module: PythonModule, call: Node): string | undefined {
  const name = calleeName(module, call);
  let target: Node | undefined;
  if (name !== undefined && OPEN_FUNCTIONS.has(name)) {
    if (writes(module, argument(call, 1, 'mode'))) target = argument(call, 0, 'file');
  } else if (name !== undefined && FILE_WRITES[name]) {
    const [index, keyword] = FILE_WRITES[name];
    target = argument(call, index, keyword);
  } else {
    const callee = call.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const receiver = callee?.type === 'attribute' ? (callee.childForFieldName('object') ?? undefined) : undefined;
    if (method !== undefined && PATH_WRITE_METHODS.has(method)) target = receiver;
    else if (method === 'open' && writes(module, argument(call, 0, 'mode'))) target = receiver;
  }
  if (!target) return undefined;
  const written = staticPath(module, target);
  if ((written.base !== 'module' && written.base !== 'project') || !/\.py$/.test(written.text)) return undefined;
  return `'${written.text.split('/').at(-1)!.replaceAll(DYNAMIC, '…')}'`;
}

/** True for an `open` mode that writes: `"w"`, `"a"`, `"x"`, `"r+"`. */
function writes(module: PythonModule, mode: Node | undefined): boolean {
  return mode !== undefined && /[wax+]/.test(staticText(module, mode).replaceAll(DYNAMIC, ''));
}
