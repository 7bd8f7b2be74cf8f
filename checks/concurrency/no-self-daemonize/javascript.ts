import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { literalValue, propertyValue, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { calleeName } from '../../../src/languages/javascript/callee-name.ts';
import { bindingOf, importsAny } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';

const DAEMON_PACKAGES = new Set(['daemon', 'daemonize', 'daemonize2']);
const SPAWNERS = new Set(['spawn', 'fork']);
/** Programs that run a script given as an argument: spawning one of them with our own script is spawning ourselves. */
const NODE_BINARIES = new Set(['node', 'nodejs']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const daemonPackages = importsAny(context, [...DAEMON_PACKAGES]);
    if (!daemonPackages && !importsAny(context, ['child_process'])) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const name = calleeName(call);
      if (!daemonPackages && !SPAWNERS.has(name) && bindingOf(context, name) === undefined) continue;
      const reference = moduleReference(context, call.getExpression());
      if (!reference) continue;
      if (DAEMON_PACKAGES.has(reference.module)) {
        // daemonize2: `setup()` is the daemonizing call; `start()`/`stop()` are on what it returns.
        context.report({ range: callRange(call), messageId: 'daemonPackage', data: { package: reference.module } });
      } else if (reference.module === 'child_process' && SPAWNERS.has(reference.path.at(-1) ?? '') && spawnsSelfDetached(call)) {
        context.report({ range: callRange(call), messageId: 'detachedSelf' });
      }
    }
  },
});

function spawnsSelfDetached(call: CallExpression): boolean {
  const [program, second, third] = call.getArguments();
  if (!program) return false;
  const argumentsList = second && !Node.isObjectLiteralExpression(resolveValue(second)) ? second : undefined;
  const options = argumentsList ? third : second;
  if (!options || !isDetached(options)) return false;
  const isSelf = isSelfReference(program) || (runsScripts(program) && argumentsList !== undefined && startsWithSelf(argumentsList));
  return isSelf && isUnrefed(call);
}

function isDetached(options: Node): boolean {
  const object = resolveValue(options);
  if (!Node.isObjectLiteralExpression(object)) return false;
  const detached = propertyValue(object, 'detached');
  return detached !== undefined && resolveValue(detached).getKind() === SyntaxKind.TrueKeyword;
}

/** `process.argv[1]`, `__filename`, `import.meta.filename`, `fileURLToPath(import.meta.url)`, `require.main.filename`. */
function isSelfReference(node: Node): boolean {
  const value = resolveValue(node);
  if (Node.isIdentifier(value)) return value.getText() === '__filename';
  if (Node.isElementAccessExpression(value)) {
    const argument = value.getArgumentExpression();
    return isArgv(value.getExpression()) && argument !== undefined && literalValue(argument) === 1;
  }
  if (Node.isPropertyAccessExpression(value)) {
    const text = unwrap(value.getExpression()).getText();
    return value.getName() === 'filename' && (text === 'import.meta' || text === 'require.main');
  }
  if (Node.isCallExpression(value)) {
    const callee = unwrap(value.getExpression());
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const [argument] = value.getArguments();
    return name === 'fileURLToPath' && argument !== undefined && unwrap(argument).getText() === 'import.meta.url';
  }
  return false;
}

/** `process.execPath`, `process.argv[0]`, `process.argv0`, `'node'`. */
function runsScripts(node: Node): boolean {
  const value = resolveValue(node);
  const literal = literalValue(value);
  if (typeof literal === 'string') return NODE_BINARIES.has(literal);
  const text = value.getText();
  if (text === 'process.execPath' || text === 'process.argv0') return true;
  if (Node.isElementAccessExpression(value)) {
    const argument = value.getArgumentExpression();
    return isArgv(value.getExpression()) && argument !== undefined && literalValue(argument) === 0;
  }
  return false;
}

/** `[__filename, …]`, `[process.argv[1], …]`, `process.argv.slice(1)`, `[...process.argv.slice(1)]`. */
function startsWithSelf(argumentsList: Node): boolean {
  const value = resolveValue(argumentsList);
  if (isArgvFromScript(value)) return true;
  if (!Node.isArrayLiteralExpression(value)) return false;
  const first = value.getElements()[0];
  if (!first) return false;
  if (Node.isSpreadElement(first)) return isArgvFromScript(resolveValue(first.getExpression()));
  return isSelfReference(first);
}

function isArgvFromScript(node: Node): boolean {
  if (!Node.isCallExpression(node)) return false;
  const callee = unwrap(node.getExpression());
  const [start] = node.getArguments();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'slice' && isArgv(callee.getExpression()) && start !== undefined && literalValue(start) === 1;
}

function isArgv(node: Node): boolean {
  return unwrap(node).getText() === 'process.argv';
}

/** `spawn(…).unref()`, or `const child = spawn(…)` followed by `child.unref()` in the same scope. */
function isUnrefed(call: CallExpression): boolean {
  const parent = call.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'unref') return true;
  const declaration = call.getParentIfKind(SyntaxKind.VariableDeclaration);
  if (!declaration || !Node.isIdentifier(declaration.getNameNode())) return false;
  const name = declaration.getName();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile();
  return scope.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some(
    (access) => access.getName() === 'unref' && unwrap(access.getExpression()).getText() === name && Node.isCallExpression(access.getParent()),
  );
}

