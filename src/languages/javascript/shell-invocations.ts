import type { CallExpression, ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { callsFrom, callsRootedAt } from './calls-from.ts';
import { constDeclarationOf, literalValue, propertyValue, resolveValue, unwrap } from './constants.ts';
import { importsAny, resolveReference } from './imports.ts';
import { DYNAMIC, staticText } from './static-text.ts';
import { argvCommands, parseCommandLine } from '../shell/command-line.ts';

/** A place where the app runs an external command. */
export interface ShellInvocation {
  /** The call (or tagged template) that runs it: findings sit here. */
  node: Node;
  /** Each simple command's words (`cd /tmp && curl -O x` → `[['cd', '/tmp'], ['curl', '-O', 'x']]`); run-time parts are `DYNAMIC`. */
  commands: readonly (readonly string[])[];
  /** The options object, when given as a literal (`cwd`, `shell`…). */
  options?: ObjectLiteralExpression;
}

/** Child-process style APIs: `line` takes a shell command line, `file` an executable and an argument list. */
const CHILD_PROCESS_FORMS: Readonly<Record<string, 'line' | 'file'>> = {
  exec: 'line',
  execSync: 'line',
  spawn: 'file',
  spawnSync: 'file',
  execFile: 'file',
  execFileSync: 'file',
  fork: 'file',
};
const EXECA_FORMS: Readonly<Record<string, 'line' | 'file'>> = {
  execa: 'file',
  execaSync: 'file',
  execaCommand: 'line',
  execaCommandSync: 'line',
  execaNode: 'file',
};
const PROCESS_MODULES = ['child_process', 'execa', 'zx', 'shelljs', 'cross-spawn'];

/** Every literal external command the file runs, memoised per file. */
export function shellInvocations(context: CheckContext): readonly ShellInvocation[] {
  return context.perFile('shell-invocations', () => {
    if (!importsAny(context, PROCESS_MODULES)) return [];
    const invocations: ShellInvocation[] = [];
    const promisified = new Set<string>();
    for (const call of callsFrom(context, ['util'])) {
      const declaration = call.getParent();
      if (Node.isVariableDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode())) promisified.add(declaration.getName());
    }
    const calls = [...callsFrom(context, PROCESS_MODULES), ...(promisified.size > 0 ? callsRootedAt(context, promisified) : [])];
    for (const call of calls) {
      if (!Node.isCallExpression(call)) continue;
      const invocation = callInvocation(context, call);
      if (invocation) invocations.push(invocation);
    }
    const tags = importsAny(context, ['zx', 'execa']) ? context.ofKind(SyntaxKind.TaggedTemplateExpression) : [];
    for (const tagged of tags) {
      const reference = resolveReference(context, tagged.getTag());
      if (!reference || !['zx', 'execa'].includes(reference.module) || reference.path.join('.') !== '$') continue;
      const text = staticText(tagged.getTemplate());
      if (text !== undefined) invocations.push({ node: tagged, commands: parseCommandLine(text) });
    }
    return invocations;
  });
}

function callInvocation(context: CheckContext, call: CallExpression): ShellInvocation | undefined {
  const form = childProcessFunction(context, call.getExpression())?.form;
  if (!form) return undefined;
  const args = call.getArguments();
  const options = args
    .slice(1)
    .map((argument) => resolveValue(argument))
    .find((value): value is ObjectLiteralExpression => Node.isObjectLiteralExpression(value));
  const [first, second] = args;
  if (!first) return undefined;
  const head = staticText(first);
  if (head === undefined) return undefined;
  let commands: string[][];
  if (form === 'line') {
    commands = parseCommandLine(head);
  } else {
    const argv = second ? argumentWords(second) : [];
    const shell = options ? propertyValue(options, 'shell') : undefined;
    const viaShell = shell !== undefined && (unwrap(shell).getKind() === SyntaxKind.TrueKeyword || typeof literalValue(shell) === 'string');
    commands = viaShell ? parseCommandLine([head, ...argv].join(' ')) : argvCommands([head, ...argv]);
  }
  return options ? { node: call, commands, options } : { node: call, commands };
}

/**
 * The process-starting function a callee names (`exec`, `spawnSync`, `execa`…) and whether it
 * takes a shell command line or an executable with arguments, through imports, aliases and
 * `util.promisify`. Undefined for any other callee.
 */
export function childProcessFunction(context: CheckContext, callee: Node): { name: string; form: 'line' | 'file' } | undefined {
  const named = (name: string, form: 'line' | 'file' | undefined) => (form ? { name, form } : undefined);
  const reference = resolveReference(context, callee);
  if (reference) {
    const name = reference.path.at(-1) ?? (reference.module === 'execa' ? 'execa' : '');
    if (reference.module === 'child_process' && reference.path.length === 1) return named(name, CHILD_PROCESS_FORMS[name]);
    if (reference.module === 'execa') return named(name, EXECA_FORMS[name]);
    if (reference.module === 'shelljs' && name === 'exec') return named(name, 'line');
    if (reference.module === 'cross-spawn') {
      return reference.path.length === 0 || name === 'sync' || name === 'spawn' ? named(name || 'spawn', 'file') : undefined;
    }
    return undefined;
  }
  const target = unwrap(callee);
  if (!Node.isIdentifier(target)) return undefined;
  const initializer = constDeclarationOf(target, target.getText())?.getInitializer();
  if (!initializer || !Node.isCallExpression(unwrap(initializer))) return undefined;
  const promisify = unwrap(initializer) as CallExpression;
  const wrapper = resolveReference(context, promisify.getExpression());
  const [wrapped] = promisify.getArguments();
  if (!wrapper || wrapper.module !== 'util' || wrapper.path.join('.') !== 'promisify' || !wrapped) return undefined;
  const inner = resolveReference(context, wrapped);
  return inner?.module === 'child_process' && inner.path.length === 1 ? named(inner.path[0]!, CHILD_PROCESS_FORMS[inner.path[0]!]) : undefined;
}

/** The words of an argument list: `['pull', '--ff-only']`; non-literal elements are `DYNAMIC`. */
function argumentWords(argument: Node): string[] {
  const value = resolveValue(argument);
  if (!Node.isArrayLiteralExpression(value)) return [];
  return value.getElements().map((element) => staticText(element) ?? DYNAMIC);
}
