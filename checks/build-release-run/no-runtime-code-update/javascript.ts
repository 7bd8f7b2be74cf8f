import type { CallExpression } from 'ts-morph';
import { Node } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callsFrom, callsRootedAt } from '../../../src/languages/javascript/calls-from.ts';
import { constDeclarationOf, propertyValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { resolveReference } from '../../../src/languages/javascript/imports.ts';
import { shellInvocations, type ShellInvocation } from '../../../src/languages/javascript/shell-invocations.ts';
import { staticPath } from '../../../src/languages/javascript/static-path.ts';
import { DYNAMIC } from '../../../src/languages/javascript/static-text.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import { codeUpdateCommand } from './update-commands.ts';

/** git subcommands that update the app's own checkout (RULES.md: `git pull`/`git fetch`). */
const GIT_UPDATES = new Set(['pull', 'fetch']);

/** fs calls that write a file, with the index of the destination argument. */
const FS_WRITES: Readonly<Record<string, number>> = {
  writeFile: 0,
  writeFileSync: 0,
  appendFile: 0,
  appendFileSync: 0,
  createWriteStream: 0,
  outputFile: 0,
  outputFileSync: 0,
  copyFile: 1,
  copyFileSync: 1,
  rename: 1,
  renameSync: 1,
};
const FS_MODULES = ['fs', 'fs/promises', 'fs-extra', 'graceful-fs'];
const SOURCE_FILE = /\.[cm]?[jt]sx?$/i;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (isToolingPath(context.path)) return;
    for (const invocation of shellInvocations(context)) {
      const command = codeUpdate(context, invocation);
      if (command) context.report({ node: invocation.node, messageId: 'command', data: { command } });
    }
    for (const call of simpleGitCalls(context)) {
      const method = simpleGitUpdate(context, call);
      if (method) context.report({ node: call, messageId: 'command', data: { command: `git ${method}` } });
    }
    for (const call of callsFrom(context, FS_MODULES)) {
      const file = Node.isCallExpression(call) ? sourceFileWrite(context, call) : undefined;
      if (file) context.report({ node: call, messageId: 'write', data: { file } });
    }
  },
});

/** The first command of an invocation that updates code (`git pull`, `npm install`), as `program subcommand`. */
function codeUpdate(context: CheckContext, invocation: ShellInvocation): string | undefined {
  if (invocation.options && !worksOnOwnCode(context, propertyValue(invocation.options, 'cwd'))) return undefined;
  for (const words of invocation.commands) {
    const command = codeUpdateCommand(words, GIT_UPDATES);
    if (command) return command;
  }
  return undefined;
}

/**
 * True when a `cwd` is absent or is the app's own directory (`__dirname`, `process.cwd()`,
 * `'.'`): git and package managers run elsewhere work on data (a checked-out repository to
 * analyse), not on the app's code.
 */
function worksOnOwnCode(context: CheckContext, cwd: Node | undefined): boolean {
  if (!cwd) return true;
  const path = staticPath(context, cwd);
  if (!path) return false;
  return path.base !== undefined ? /^[./]*$/.test(path.text) : /^\.\/?$/.test(path.text);
}

/** Calls on simple-git instances: `simpleGit().pull()`, and `git.pull()` where `const git = simpleGit()`. */
function simpleGitCalls(context: CheckContext): CallExpression[] {
  const direct = callsFrom(context, ['simple-git']);
  if (direct.length === 0) return [];
  const instances = new Set<string>();
  for (const call of direct) {
    const declaration = call.getParent();
    if (Node.isVariableDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode())) instances.add(declaration.getName());
  }
  const calls = instances.size > 0 ? [...direct, ...callsRootedAt(context, instances)] : direct;
  return calls.filter((call): call is CallExpression => Node.isCallExpression(call));
}

/** `simpleGit().pull()`, `git.fetch()` where `const git = simpleGit(__dirname)`. */
function simpleGitUpdate(context: CheckContext, call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !GIT_UPDATES.has(callee.getName())) return undefined;
  let owner = unwrap(callee.getExpression());
  if (Node.isIdentifier(owner)) {
    const initializer = constDeclarationOf(owner, owner.getText())?.getInitializer();
    if (!initializer) return undefined;
    owner = unwrap(initializer);
  }
  if (!Node.isCallExpression(owner)) return undefined;
  const reference = resolveReference(context, owner.getExpression());
  if (reference?.module !== 'simple-git') return undefined;
  const [baseDir] = owner.getArguments();
  const base = baseDir ? unwrap(baseDir) : undefined;
  const ownCode = !base || Node.isObjectLiteralExpression(base) ? true : worksOnOwnCode(context, base);
  return ownCode ? callee.getName() : undefined;
}

/** `fs.writeFileSync(path.join(__dirname, 'generated.js'), …)`: the written file's name. */
function sourceFileWrite(context: CheckContext, call: CallExpression): string | undefined {
  const reference = resolveReference(context, call.getExpression());
  if (!reference || !FS_MODULES.includes(reference.module)) return undefined;
  const index = FS_WRITES[reference.path.at(-1) ?? ''];
  const target = index === undefined ? undefined : call.getArguments()[index];
  if (!target) return undefined;
  const path = staticPath(context, target);
  if (!path || path.base !== 'module' || !SOURCE_FILE.test(path.text)) return undefined;
  return `'${path.text.split('/').at(-1)!.replaceAll(DYNAMIC, '…')}'`;
}
