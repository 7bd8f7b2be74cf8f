import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { literalValue, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { calleeName } from '../../../src/languages/javascript/callee-name.ts';
import { bindingOf, importsAny } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
/** File writers whose first argument is the path and second (when any) the data. */
const WRITERS = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'outputFile', 'outputFileSync']);
const PID_FILE_PACKAGES = new Set(['pidfile', 'npid', 'create-pid-file']);
/** Calls of the pid-file packages that clean up rather than create. */
const CLEAN_UP = new Set(['remove', 'removeOnExit', 'delete', 'unlink']);
/** How deep path and data expressions are followed (`String(\`${pid}\`)`); a guard, not a limit anyone meets. */
const MAX_DEPTH = 4;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const pidPackages = importsAny(context, [...PID_FILE_PACKAGES]);
    if (!pidPackages && !importsAny(context, [...FS_MODULES])) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const name = calleeName(call);
      // Aliased imports (`import { writeFile as save } from 'fs/promises'`) pass through their binding.
      if (!pidPackages && !WRITERS.has(name) && bindingOf(context, name) === undefined) continue;
      const reference = moduleReference(context, call.getExpression());
      if (!reference) continue;
      if (PID_FILE_PACKAGES.has(reference.module)) {
        if (!CLEAN_UP.has(reference.path.at(-1) ?? '')) context.report({ range: callRange(call), messageId: 'pidPackage', data: { package: reference.module } });
        continue;
      }
      if (FS_MODULES.has(reference.module) && WRITERS.has(reference.path.at(-1) ?? '') && writesPid(call)) {
        context.report({ range: callRange(call), messageId: 'pidWrite' });
      }
    }
  },
});

function writesPid(call: CallExpression): boolean {
  const [target, data] = call.getArguments();
  return (target !== undefined && isPidPath(target)) || (data !== undefined && isPid(data));
}

/** `'app.pid'`, `` `${dir}/app.pid` ``, `path.join(dir, 'app.pid')`, `dir + '/app.pid'`. */
function isPidPath(node: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = resolveValue(node);
  const literal = literalValue(value);
  if (typeof literal === 'string') return literal.endsWith('.pid');
  if (Node.isTemplateExpression(value)) return value.getTemplateSpans().at(-1)?.getLiteral().getLiteralText().endsWith('.pid') === true;
  if (Node.isBinaryExpression(value) && value.getOperatorToken().getKind() === SyntaxKind.PlusToken) return isPidPath(value.getRight(), depth + 1);
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const last = value.getArguments().at(-1);
    return (name === 'join' || name === 'resolve') && last !== undefined && isPidPath(last, depth + 1);
  }
  return false;
}

/**
 * Data that is the PID and nothing else: `process.pid`, `String(process.pid)`,
 * `process.pid.toString()`, `` `${process.pid}\n` ``, `process.pid + '\n'`. A log line that
 * merely mentions the PID is not a PID file.
 */
function isPid(node: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = resolveValue(node);
  if (Node.isPropertyAccessExpression(value)) return value.getName() === 'pid' && unwrap(value.getExpression()).getText() === 'process';
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    const [argument] = value.getArguments();
    if (Node.isIdentifier(callee) && callee.getText() === 'String' && argument) return isPid(argument, depth + 1);
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'toString' && isPid(callee.getExpression(), depth + 1);
  }
  if (Node.isTemplateExpression(value)) {
    const spans = value.getTemplateSpans();
    return (
      spans.length === 1 &&
      value.getHead().getLiteralText().trim() === '' &&
      spans[0]!.getLiteral().getLiteralText().trim() === '' &&
      isPid(spans[0]!.getExpression(), depth + 1)
    );
  }
  if (Node.isBinaryExpression(value) && value.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const [left, right] = [value.getLeft(), value.getRight()];
    return (isPid(left, depth + 1) && isBlank(right)) || (isBlank(left) && isPid(right, depth + 1));
  }
  return false;
}

function isBlank(node: Node): boolean {
  const literal = literalValue(node);
  return typeof literal === 'string' && literal.trim() === '';
}
