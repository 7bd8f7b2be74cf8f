import type { CallExpression, ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { callsFrom, callsRootedAt } from './calls-from.ts';
import { constDeclarationOf, literalValue, propertyValue, resolveValue, unwrap } from './constants.ts';
import { importsAny, resolveReference } from './imports.ts';
import { DYNAMIC, staticText } from './static-text.ts';

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
/** Commands that run the next word as the command (`sudo curl`, `env X=1 curl`). */
const WRAPPERS = new Set(['exec', 'time', 'nohup', 'sudo', 'env', 'command', 'nice', 'timeout', 'xargs']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash']);
const MAX_NESTING = 3;

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
    commands = viaShell ? parseCommandLine([head, ...argv].join(' ')) : normalise([[head, ...argv]], 0);
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

/**
 * Splits a shell command line into simple commands and their words: quotes and escapes are
 * honoured, `&&`, `||`, `;`, `|`, `&`, newlines and parentheses separate commands, `$(…)` and
 * backticks are run-time parts, `sh -c '…'` is parsed recursively, and leading variable
 * assignments and wrappers (`sudo`, `env`, `exec`…) are dropped.
 */
export function parseCommandLine(line: string, depth = 0): string[][] {
  const segments: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endSegment = () => {
    endWord();
    if (words.length > 0) segments.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === "'") {
      const close = line.indexOf("'", i + 1);
      const end = close === -1 ? line.length : close;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) j++;
        word += line[j];
      }
      inWord = true;
      i = j;
    } else if (char === '\\') {
      word += line[i + 1] ?? '';
      inWord = true;
      i++;
    } else if (char === '$' && line[i + 1] === '(') {
      i = closingParen(line, i + 1);
      word += DYNAMIC;
      inWord = true;
    } else if (char === '`') {
      const close = line.indexOf('`', i + 1);
      i = close === -1 ? line.length : close;
      word += DYNAMIC;
      inWord = true;
    } else if (char === ' ' || char === '\t') {
      endWord();
    } else if (char === '&' && (line[i - 1] === '>' || line[i - 1] === '<' || line[i + 1] === '>')) {
      word += char;
      inWord = true;
    } else if (char === ';' || char === '\n' || char === '\r' || char === '&' || char === '|' || char === '(' || char === ')') {
      endSegment();
    } else {
      word += char;
      inWord = true;
    }
  }
  endSegment();
  return normalise(segments, depth);
}

function closingParen(line: string, open: number): number {
  let level = 0;
  for (let i = open; i < line.length; i++) {
    if (line[i] === '(') level++;
    else if (line[i] === ')' && --level === 0) return i;
  }
  return line.length;
}

/** Drops assignments and wrappers before the command word, and expands `sh -c '…'`. */
function normalise(segments: readonly string[][], depth: number): string[][] {
  const commands: string[][] = [];
  for (const segment of segments) {
    let start = 0;
    while (start < segment.length) {
      const current = segment[start]!;
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(current)) start++;
      else if (WRAPPERS.has(current)) {
        start++;
        while (start < segment.length && (segment[start]!.startsWith('-') || /^\d+[smhd]?$/.test(segment[start]!))) start++;
      } else break;
    }
    const words = segment.slice(start);
    if (words.length === 0) continue;
    const program = words[0]!.split('/').at(-1)!;
    const commandIndex = words.findIndex((item, index) => index > 0 && /^-[a-z]*c[a-z]*$/.test(item));
    if (SHELLS.has(program) && commandIndex !== -1 && depth < MAX_NESTING) {
      const script = words[commandIndex + 1];
      if (script !== undefined) commands.push(...parseCommandLine(script, depth + 1));
      continue;
    }
    commands.push(words);
  }
  return commands;
}
