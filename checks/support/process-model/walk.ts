import path from 'node:path/posix';
import type { RepositoryView } from '../../../src/engine/repository.ts';
import { basename, effectiveCommand, inlineShellScript, isShell, shellScriptPath, type ShellWord } from '../../../src/languages/shell/commands.ts';
import { readShellScript, type ShellRedirect, type ShellStatement } from '../../../src/languages/shell/script.ts';
import { scriptRun, type PackageManifest, type ScriptRun } from '../package-scripts.ts';
import { programWords } from './programs.ts';
import { fileKindOf } from '../../../src/engine/file-kind.ts';
import type { LineIndex } from '../../../src/engine/line-index.ts';

/*
 * Follows one start site's commands the way a shell would run them (RULES-commands.md §4.1),
 * through scripts, sourced files, functions, `npm run` chains, `sh -c` strings and dispatches,
 * recording every command reached with its location, its role and how it runs. Nothing is run.
 */

export type ProcessRole = 'web' | 'worker' | 'clock' | 'release';

/** One place on the way to a command: "Dockerfile line 11". */
export interface Hop {
  file: string;
  line: number;
}

/** A command reached from a start site. */
export interface PathCommand {
  /** The file holding the command's text (a script, the Procfile, package.json…). */
  file: string;
  /** The words as written (wrappers included). */
  written: ShellWord[];
  /** The program and its arguments, wrappers (`exec`, `env`, `gosu`, `tini --`, `bundle exec`) stripped. */
  words: ShellWord[];
  /** Where a finding on the command sits in `file`. */
  at: readonly [number, number];
  /** True when word offsets are offsets in `file` (a script, a Procfile line, a shell-form instruction). */
  exact: boolean;
  exec: boolean;
  /** True when this command, once running, is PID 1 of its container. */
  pid1: boolean;
  background: boolean;
  /** A background command the script later `wait`s for. */
  waited: boolean;
  piped: boolean;
  inLoop: boolean;
  /** Under an opt-in guard that is off unless set (`[ -n "$MIGRATE" ] &&`). */
  optIn: boolean;
  /** The command's own redirections and those of the function or group running it. */
  redirects: ShellRedirect[];
  /** The file every output goes to after an earlier `exec >FILE` in the same shell (or the shell that ran this script). */
  output: ShellWord | undefined;
  /** The script's variables assigned a literal before this command (§4.1 "Variables"), for `expandWord`. */
  variables: ReadonlyMap<string, string>;
  role: ProcessRole;
  /** The dispatch branch (`web`, `worker`) this command sits in; '' outside any. */
  branch: string;
  /** `"$@"`: hands over to arguments the start site passes, unknown here. */
  handover: boolean;
  run: ScriptRun | undefined;
  /** The command that led here (a script run, `npm run`, a function call), if any. */
  parent: PathCommand | undefined;
  /** From the start site to this command's own line. */
  chain: Hop[];
}

/** What the walk needs to know about the start site. */
export interface SiteEntry {
  file: string;
  role: ProcessRole;
  /** PID 1 of a container runs the entry (Dockerfile, compose, Kubernetes). */
  container: boolean;
  /** Finds the repository file a script path names, from this site. */
  resolve: (scriptPath: string, fromFile: string) => string | undefined;
  /** The directory whose package.json `npm start` reads. */
  packageDir: string;
  repo: RepositoryView;
  /** The package.json nearest to a directory, parsed once per run. */
  packageManifest: (dir: string) => PackageManifest | undefined;
  /** A repository file's lines, indexed once per run. */
  lineIndex: (file: string) => LineIndex;
}

/** A word list run without a shell (exec form): the words after the program are its arguments. */
export interface WordsEntry {
  words: ShellWord[];
  /** Word offsets are offsets in the file. */
  exact: boolean;
  at: readonly [number, number];
}

/** Shell text read as commands (Procfile line, shell-form instruction, package.json script). */
export interface ShellEntry {
  text: string;
  offset: number;
  exact: boolean;
  at: readonly [number, number];
  escape?: string;
}

interface Frame {
  file: string;
  exact: boolean;
  at: readonly [number, number] | undefined;
  chain: Hop[];
  args: ShellWord[] | undefined;
  functions: Map<string, ShellStatement[]>;
  variables: Map<string, string>;
  output: ShellWord | undefined;
  /** The shell reading this frame is PID 1 of its container. */
  pid1: boolean;
  /** A `-c` string of one simple command: the shell execs it without being told (dash, bash). */
  implicitExec: boolean;
  background: PathCommand[];
  depth: number;
  parent: PathCommand | undefined;
}

interface Flow {
  role: ProcessRole;
  branch: string;
  optIn: boolean;
  inLoop: boolean;
  background: boolean;
  piped: boolean;
  redirects: ShellRedirect[];
}

type Outcome = 'continues' | 'ends';

/** What a test settles about the commands under it. */
interface Guard {
  value?: boolean;
  role?: ProcessRole;
  branch?: string;
  optIn?: boolean;
}

const MAX_DEPTH = 8;
const DISPATCH_VARIABLES = new Set(['1', 'ROLE', 'PROCESS_TYPE', 'SERVICE', 'APP_ROLE', 'CONTAINER_ROLE', 'DYNO', 'PROCESS', 'MODE', 'COMMAND', 'CMD']);
const ROLE_WORDS: Readonly<Record<string, ProcessRole>> = {
  web: 'web', server: 'web', api: 'web', http: 'web', app: 'web', serve: 'web', start: 'web',
  worker: 'worker', celery: 'worker', consumer: 'worker', jobs: 'worker', queue: 'worker', sidekiq: 'worker',
  beat: 'clock', clock: 'clock', scheduler: 'clock', cron: 'clock',
  migrate: 'release', migrations: 'release', release: 'release', upgrade: 'release', seed: 'release', manage: 'release',
  shell: 'release', bash: 'release', sh: 'release', console: 'release', test: 'release', tests: 'release', setup: 'release', init: 'release',
};
const TRUTHY = new Set(['true', '1', 'yes', 'on', 'y']);
/** Builtins whose `NAME=value` arguments assign variables. */
const DECLARATIONS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);
const NO_VARIABLES: ReadonlyMap<string, string> = new Map();

/**
 * A word with the variables a script assigned a literal expanded (`"$LOG_FILE"` → `/var/log/api.log`);
 * `$PORT` always stays the platform's, and unknown variables stay as written (§4.1).
 */
export function expandWord(word: ShellWord, variables: ReadonlyMap<string, string>): ShellWord {
  if (!word.value.includes('$') || variables.size === 0) return word;
  const value = word.value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    return name !== 'PORT' && variables.has(name) ? variables.get(name)! : whole;
  });
  return value === word.value ? word : { ...word, value };
}

/** The role a dispatch word (`web`, `worker`, `migrate`) gives its branch. */
function roleOfWord(word: string): ProcessRole | undefined {
  return Object.hasOwn(ROLE_WORDS, word.toLowerCase()) ? ROLE_WORDS[word.toLowerCase()] : undefined;
}

export class SiteWalk {
  readonly commands: PathCommand[] = [];
  trapsTerm = false;
  readonly #site: SiteEntry;
  readonly #visiting = new Set<string>();

  constructor(site: SiteEntry) {
    this.#site = site;
  }

  /** Walks a word list run without a shell: `CMD ["./entrypoint.sh", "web"]`. */
  words(entry: WordsEntry, chain: Hop[]): void {
    const frame = this.frame(this.#site.file, entry.exact, entry.at, chain, undefined, this.#site.container, undefined);
    this.runWords(entry.words, { exec: true, redirects: [], at: entry.at }, frame, this.initialFlow());
  }

  /** Walks shell text: a Procfile line, a shell-form instruction, a package.json script. */
  shell(entry: ShellEntry, chain: Hop[]): void {
    const frame = this.frame(this.#site.file, entry.exact, entry.at, chain, undefined, false, undefined);
    const script = readShellScript(entry.text, { offset: entry.offset, ...(entry.escape ? { escape: entry.escape } : {}) });
    // `sh -c 'one simple command'` execs it: the command keeps PID 1.
    frame.pid1 = this.#site.container;
    frame.implicitExec = isSingleCommand(script.statements);
    this.statements(script.statements, frame, this.initialFlow());
  }

  private initialFlow(): Flow {
    return { role: this.#site.role, branch: '', optIn: false, inLoop: false, background: false, piped: false, redirects: [] };
  }

  private frame(file: string, exact: boolean, at: readonly [number, number] | undefined, chain: Hop[], args: ShellWord[] | undefined, pid1: boolean, parent: PathCommand | undefined): Frame {
    return { file, exact, at, chain, args, functions: new Map(), variables: new Map(), output: undefined, pid1, implicitExec: false, background: [], depth: chain.length, parent };
  }

  private statements(statements: readonly ShellStatement[], frame: Frame, flow: Flow): Outcome {
    for (const statement of statements) {
      if (statement.type === 'function') frame.functions.set(statement.name, statement.body);
    }
    for (const statement of statements) {
      if (this.statement(statement, frame, flow) === 'ends') return 'ends';
    }
    return 'continues';
  }

  private statement(statement: ShellStatement, frame: Frame, flow: Flow): Outcome {
    const mode = { ...flow, background: flow.background || ('background' in statement && statement.background), piped: flow.piped || ('piped' in statement && statement.piped) };
    switch (statement.type) {
      case 'function':
        return 'continues';
      case 'test':
        return 'continues';
      case 'command':
        return this.command(statement, frame, mode);
      case 'group': {
        const inner = { ...mode, redirects: [...mode.redirects, ...statement.redirects] };
        const outcome = this.statements(statement.body, statement.subshell || mode.background || mode.piped ? { ...frame, pid1: false } : frame, inner);
        return statement.subshell || mode.background || mode.piped ? 'continues' : outcome;
      }
      case 'and': {
        const guard = isTestChain(statement.left) ? this.condition([statement.left], frame) : undefined;
        if (guard?.value === false) return 'continues';
        if (!isTestChain(statement.left)) this.statement(statement.left, { ...frame, pid1: false }, { ...mode, background: false });
        const right = { ...mode, optIn: mode.optIn || guard?.optIn === true, ...(guard?.role ? { role: guard.role, branch: guard.branch ?? mode.branch } : {}) };
        const outcome = this.statement(statement.right, frame, right);
        return guard?.value === true ? outcome : 'continues';
      }
      case 'or': {
        if (statement.left.type !== 'test') this.statement(statement.left, { ...frame, pid1: false }, { ...mode, background: false });
        this.statement(statement.right, frame, mode);
        return 'continues';
      }
      case 'if':
        return this.ifStatement(statement, frame, mode);
      case 'case':
        return this.caseStatement(statement, frame, mode);
      case 'loop': {
        this.statements(statement.condition.filter((part) => part.type !== 'test'), { ...frame, pid1: false }, mode);
        this.statements(statement.body, frame, { ...mode, inLoop: true });
        return 'continues';
      }
    }
  }

  private ifStatement(statement: Extract<ShellStatement, { type: 'if' }>, frame: Frame, flow: Flow): Outcome {
    let allEnd = true;
    for (const clause of statement.clauses) {
      for (const part of clause.condition) if (part.type !== 'test') this.statement(part, { ...frame, pid1: false }, flow);
      const guard = this.condition(clause.condition, frame);
      if (guard?.value === false) continue;
      const inner = { ...flow, optIn: flow.optIn || guard?.optIn === true, ...(guard?.role ? { role: guard.role, branch: guard.branch ?? flow.branch } : {}) };
      const outcome = this.statements(clause.body, frame, inner);
      if (guard?.value === true) return outcome;
      allEnd &&= outcome === 'ends';
    }
    if (!statement.otherwise) return 'continues';
    return this.statements(statement.otherwise, frame, flow) === 'ends' && allEnd ? 'ends' : 'continues';
  }

  private caseStatement(statement: Extract<ShellStatement, { type: 'case' }>, frame: Frame, flow: Flow): Outcome {
    const variable = variableName(statement.subject.value);
    const known = variable !== undefined ? this.positional(variable, frame) : undefined;
    if (known !== undefined) {
      const item = statement.items.find((candidate) => candidate.patterns.some((pattern) => globMatches(pattern, known)));
      if (!item) return 'continues';
      const role = item.patterns.map(roleOfWord).find(Boolean);
      return this.statements(item.body, frame, role ? { ...flow, role, branch: item.patterns[0]! } : flow);
    }
    const dispatch = variable !== undefined && DISPATCH_VARIABLES.has(variable.replace(/^\{|\}$/g, ''));
    let allEnd = true;
    let hasDefault = false;
    for (const item of statement.items) {
      hasDefault ||= item.patterns.includes('*');
      const role = dispatch ? item.patterns.map(roleOfWord).find(Boolean) : undefined;
      const outcome = this.statements(item.body, frame, role ? { ...flow, role, branch: item.patterns[0]! } : flow);
      allEnd &&= outcome === 'ends';
    }
    return allEnd && hasDefault ? 'ends' : 'continues';
  }

  /** What a condition made of tests (`[ … ] && [ … ]`) settles; undefined when it runs commands. */
  private condition(statements: readonly ShellStatement[], frame: Frame): Guard | undefined {
    if (statements.length !== 1) return undefined;
    const [statement] = statements as [ShellStatement];
    if (statement.type === 'test') return this.evaluate(statement, frame);
    if (statement.type !== 'and' || !isTestChain(statement)) return undefined;
    const left = this.condition([statement.left], frame) ?? {};
    const right = this.condition([statement.right], frame) ?? {};
    const value = left.value === false || right.value === false ? false : left.value === true && right.value === true ? true : undefined;
    const role = left.role ?? right.role;
    const branch = left.branch ?? right.branch;
    return { ...(value !== undefined ? { value } : {}), ...(role ? { role } : {}), ...(branch ? { branch } : {}), optIn: left.optIn === true || right.optIn === true };
  }

  /** A positional parameter's value when the site's arguments are known (`$1`, `${1:-web}`). */
  private positional(variable: string, frame: Frame): string | undefined {
    const match = /^\{?(\d)(?::?-([^}]*))?\}?$/.exec(variable);
    if (!match || !frame.args) return undefined;
    return frame.args[Number(match[1]) - 1]?.value ?? match[2] ?? '';
  }

  /**
   * What a `[ … ]` test settles: true/false when it compares the site's known arguments, the
   * role a dispatch comparison gives its branch, or an opt-in guard.
   */
  private evaluate(test: Extract<ShellStatement, { type: 'test' }>, frame: Frame): Guard {
    const words = test.words.filter((word) => word !== '&&' && word !== '-a');
    const flip = (value: boolean | undefined) => (value === undefined ? undefined : test.negated ? !value : value);
    if (words.length === 3 && ['=', '==', '!='].includes(words[1]!)) {
      const [left, operator, right] = words as [string, string, string];
      const equal = operator !== '!=';
      const leftVariable = variableName(left);
      const rightVariable = variableName(right);
      const variable = leftVariable ?? rightVariable;
      const literal = leftVariable ? right : left;
      if (variable === undefined) return {};
      const known = this.positional(variable, frame);
      if (known !== undefined) return { value: flip(equal === (known === literal)) };
      const name = variable.replace(/^\{|\}$/g, '').replace(/:?-.*$/, '');
      const role = roleOfWord(literal);
      if (DISPATCH_VARIABLES.has(name) && role && equal && !test.negated) return { role, branch: literal };
      if (/^\d$/.test(name)) return {};
      const fallback = /:?-(.*)\}$/.exec(variable)?.[1];
      if (equal && TRUTHY.has(literal.toLowerCase())) return { optIn: !(fallback !== undefined && TRUTHY.has(fallback.toLowerCase())) !== test.negated };
      return {};
    }
    if (words.length === 2 && (words[0] === '-n' || words[0] === '-z')) {
      const variable = variableName(words[1]!);
      if (variable === undefined || /^\{?\d/.test(variable)) return {};
      const setMeansOn = words[0] === '-n' !== test.negated;
      return { optIn: setMeansOn && !/:?-[^}]+\}$/.test(variable) };
    }
    return {};
  }

  private command(statement: Extract<ShellStatement, { type: 'command' }>, frame: Frame, flow: Flow): Outcome {
    const written = statement.command.words;
    const { words: effective, exec } = effectiveCommand(written);
    const redirects = [...flow.redirects, ...statement.redirects];
    if (effective.length === 0) {
      for (const word of written) assign(word, frame);
      if (exec) {
        const output = statement.redirects.find(
          (redirect) =>
            redirect.operator.includes('>') && ['1', '2', undefined].includes(redirect.descriptor) && redirect.target && !/^&?\d$/.test(redirect.target.value) && !redirect.operator.startsWith('>&'),
        );
        if (output?.target) frame.output = expandWord(output.target, frame.variables);
      }
      // Kept as commands of their own: `PORT=3000`, `exec >>app.log 2>&1` are what some rules report.
      if (written.length > 0) this.record(statement, written, written, false, frame, flow, redirects);
      return 'continues';
    }
    if (statement.here) {
      this.statements(statement.here, { ...frame, pid1: false }, flow);
      return exec ? 'ends' : 'continues';
    }
    const program = effective[0]!.value;
    const name = basename(program);
    if (DECLARATIONS.has(name)) for (const word of effective.slice(1)) assign(word, frame);
    if (name === 'wait') {
      for (const job of frame.background) job.waited = true;
      return 'continues';
    }
    if (name === 'trap') {
      const action = effective[1]?.value ?? '';
      if (/\bkill\b/.test(action) && effective.slice(2).some((word) => /^(?:SIG)?(?:TERM|15)$/i.test(word.value))) this.trapsTerm = true;
      return 'continues';
    }
    if (name === 'exit') return flow.background || flow.piped ? 'continues' : 'ends';
    const pid1 = (exec || frame.implicitExec) && frame.pid1 && !flow.background && !flow.piped;
    const recorded = this.record(statement, written, effective, exec, frame, flow, redirects, pid1);
    const outcome = this.follow(recorded, effective, frame, flow);
    if (flow.background) frame.background.push(recorded);
    return exec && !flow.background && !flow.piped ? 'ends' : outcome;
  }

  private runWords(words: ShellWord[], how: { exec: boolean; redirects: ShellRedirect[]; at: readonly [number, number] }, frame: Frame, flow: Flow): void {
    const statement: Extract<ShellStatement, { type: 'command' }> = {
      type: 'command',
      command: { words, start: how.at[0], end: how.at[1], separator: '' },
      redirects: how.redirects,
      here: undefined,
      background: false,
      piped: false,
    };
    const effective = effectiveCommand(words).words;
    if (effective.length === 0) return;
    const recorded = this.record(statement, words, effective, how.exec, frame, flow, how.redirects, how.exec && frame.pid1);
    this.follow(recorded, effective, frame, flow);
  }

  /** Follows what a command runs: a `-c` string, arguments handed over, a function, a package script, a script file. */
  private follow(command: PathCommand, words: ShellWord[], frame: Frame, flow: Flow): Outcome {
    if (frame.depth > MAX_DEPTH) return 'continues';
    const program = programWords(words);
    const inline = inlineShellScript(program);
    if (inline) {
      const exact = frame.exact && inline.quoted !== undefined;
      const offset = inline.quoted ? inline.start + 1 : inline.start;
      const script = readShellScript(inline.value, { offset });
      const inner = this.frame(frame.file, exact, exact ? undefined : command.at, frame.chain, frame.args, command.pid1, command);
      inner.implicitExec = isSingleCommand(script.statements);
      inner.depth = frame.depth + 1;
      inner.output = frame.output;
      this.statements(script.statements, inner, { ...flow, redirects: command.redirects });
      return 'continues';
    }
    if (command.handover) {
      if (!frame.args || frame.args.length === 0) return 'continues';
      const inner = { ...frame, args: undefined, depth: frame.depth + 1, exact: false, at: command.at, parent: command };
      this.runWords(frame.args, { exec: command.exec, redirects: command.redirects, at: command.at }, inner, flow);
      return 'continues';
    }
    const name = program[0]?.value ?? '';
    const body = frame.functions.get(name);
    if (body && program.length > 0 && program[0] === words[0]) {
      const key = `function:${frame.file}:${name}`;
      if (this.#visiting.has(key)) return 'continues';
      this.#visiting.add(key);
      const inner = { ...frame, depth: frame.depth + 1, parent: command };
      const outcome = this.statements(body, inner, { ...flow, redirects: command.redirects });
      // A function runs in the calling shell: its `exec >FILE` redirects the caller too.
      frame.output = inner.output;
      this.#visiting.delete(key);
      return outcome;
    }
    if (command.run) {
      this.packageScripts(command, frame, flow);
      return 'continues';
    }
    const sourced = name === 'source' || name === '.';
    const scriptPath = sourced ? program[1]?.value : (shellScriptPath(program) ?? (name.includes('/') ? name : undefined));
    if (scriptPath === undefined || scriptPath.includes('$')) return 'continues';
    const file = this.#site.resolve(scriptPath, frame.file);
    if (file === undefined) return 'continues';
    const text = this.read(file);
    // `bin/docker-entrypoint`, `/app/bin/web`: followed when the file is a shell script.
    if (text === undefined || (!sourced && !isShell(program[0]!.value) && fileKindOf(file, text) !== 'shell')) return 'continues';
    const key = `file:${file}`;
    if (this.#visiting.has(key)) return 'continues';
    this.#visiting.add(key);
    const afterPath = program.slice(program.findIndex((word) => word.value === scriptPath) + 1);
    const chain = [...frame.chain, this.hopOf(command)];
    const inner: Frame = {
      ...this.frame(file, true, undefined, chain, sourced ? frame.args : afterPath.length > 0 ? afterPath : undefined, sourced ? frame.pid1 : command.pid1, command),
      depth: frame.depth + 1,
      // A child inherits the shell's output (an earlier `exec >FILE`); a sourced file also shares its functions and variables.
      output: frame.output,
      ...(sourced ? { functions: frame.functions, variables: frame.variables, background: frame.background } : {}),
    };
    const outcome = this.statements(readShellScript(text).statements, inner, { ...flow, redirects: command.redirects });
    if (sourced) frame.output = inner.output ?? frame.output;
    this.#visiting.delete(key);
    return sourced ? outcome : 'continues';
  }

  /** `npm start` → `prestart`, `start`, `poststart` bodies of the package.json that `npm` reads. */
  private packageScripts(command: PathCommand, frame: Frame, flow: Flow): void {
    const manifest = this.manifestFor(frame.file);
    const run = command.run!;
    if (!manifest) return;
    const names = [run.manager === 'npm' || run.manager === 'yarn' ? `pre${run.script}` : undefined, run.script, run.manager === 'npm' ? `post${run.script}` : undefined];
    for (const name of names) {
      if (name === undefined || manifest.scripts[name] === undefined) continue;
      const key = `script:${manifest.path}:${name}`;
      if (this.#visiting.has(key)) continue;
      this.#visiting.add(key);
      const at = manifest.scriptRanges.get(name) ?? ([0, 0] as const);
      const chain = [...frame.chain, this.hopOf(command)];
      const inner = this.frame(manifest.path, false, at, chain, undefined, false, command);
      inner.depth = frame.depth + 1;
      inner.output = frame.output;
      this.statements(readShellScript(manifest.scripts[name]!).statements, inner, { ...flow, redirects: command.redirects });
      this.#visiting.delete(key);
    }
  }

  private manifestFor(fromFile: string): PackageManifest | undefined {
    const dir = fromFile === this.#site.file ? this.#site.packageDir : path.dirname(fromFile);
    return this.#site.packageManifest(dir === '.' ? '' : dir);
  }

  private record(
    statement: Extract<ShellStatement, { type: 'command' }>,
    written: ShellWord[],
    effective: ShellWord[],
    exec: boolean,
    frame: Frame,
    flow: Flow,
    redirects: ShellRedirect[],
    pid1 = false,
  ): PathCommand {
    const words = programWords(effective);
    const at = frame.exact ? ([statement.command.start, statement.command.end] as const) : (frame.at ?? [statement.command.start, statement.command.end]);
    // `"$@"`, and `"${@}"` as Rails' generated bin/docker-entrypoint writes it.
    const handover = words.length > 0 && ['$@', '$*', '${@}', '${*}'].includes(words[0]!.value);
    const command: PathCommand = {
      file: frame.file,
      written,
      words: words.length > 0 ? words : effective,
      at,
      exact: frame.exact,
      exec,
      pid1,
      background: flow.background,
      waited: false,
      piped: flow.piped,
      inLoop: flow.inLoop,
      optIn: flow.optIn,
      redirects,
      output: frame.output,
      variables: frame.variables.size === 0 ? NO_VARIABLES : new Map(frame.variables),
      role: flow.role,
      branch: flow.branch,
      handover,
      run: scriptRun(words.length > 0 ? words : effective),
      parent: frame.parent,
      chain: [],
    };
    command.chain = [...frame.chain, this.hopOf(command)];
    this.commands.push(command);
    return command;
  }

  private hopOf(command: PathCommand): Hop {
    return { file: command.file, line: this.#site.lineIndex(command.file).lineOf(command.at[0]) };
  }



  private read(file: string): string | undefined {
    return this.#site.repo.read(file);
  }
}

/** Records `NAME=literal` (an assignment or a declaration's argument) as the frame's variable. */
function assign(word: ShellWord, frame: Frame): void {
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
  if (!assignment) return;
  const value = expandWord({ ...word, value: assignment[2]! }, frame.variables).value;
  if (value.includes('$') || value.includes('`')) frame.variables.delete(assignment[1]!);
  else frame.variables.set(assignment[1]!, value);
}

/** `$1` → `1`, `${ROLE:-web}` → `{ROLE:-web}`, `$PROCESS_TYPE` → `PROCESS_TYPE`; undefined for other words. */
function variableName(word: string): string | undefined {
  const match = /^\$(\{[^}]+\}|[A-Za-z_][A-Za-z0-9_]*|\d|#)$/.exec(word);
  return match?.[1];
}

/** A `case` pattern (`web|server` is split already): `*`, `?` and `[…]` globs. */
function globMatches(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  try {
    return new RegExp(`^${source}$`).test(value);
  } catch {
    return pattern === value;
  }
}

/** `[ … ]`, or tests joined by `&&`. */
function isTestChain(statement: ShellStatement): boolean {
  return statement.type === 'test' || (statement.type === 'and' && isTestChain(statement.left) && isTestChain(statement.right));
}

function isSingleCommand(statements: readonly ShellStatement[]): boolean {
  return statements.length === 1 && statements[0]!.type === 'command' && !statements[0]!.background;
}
