import path from 'node:path/posix';
import type { Instruction } from 'dockerfile-ast';
import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText } from '../../support/process-model/detector.ts';
import { processModel } from '../../support/process-model/index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import {
  dockerStages,
  instructionCommands,
  offsetOf,
  repositoryFileFor,
  startInstructions,
  type DockerStage,
} from '../../support/dockerfile-stages.ts';
import { nearestPackageManifest, scriptRun, type ScriptRun } from '../../support/package-scripts.ts';
import {
  basename,
  effectiveCommand,
  inlineShellScript,
  parseShellCommands,
  shellScriptPath,
  type ShellCommand,
  type ShellWord,
} from '../../../src/languages/shell/commands.ts';


/** Programs that stay in front of node when they are PID 1 (RULES.md IX). */
const NODE_PROGRAMS = new Set(['node', 'nodejs', 'npm', 'npx', 'yarn', 'pnpm', 'bun', 'deno', 'ts-node', 'tsx']);
/** Characters that survive the move from a shell word into a JSON exec-form string unchanged. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;

export default defineDetector<MessageId>({
  kinds: ['dockerfile'],
  needs: 'dockerfile',
  detect(context) {
    const stages = dockerStages(context);
    if (stages.length === 0) return;
    const { entrypoint, cmd } = startInstructions(stages);
    const review = new StartReview(context, stages);
    if (entrypoint && review.entrypoint(entrypoint) === 'decided') return;
    if (cmd) review.command(cmd, instructionCommands(context, cmd));
  },
});

class StartReview {
  readonly #context: CheckContext<MessageId>;
  readonly #stages: readonly DockerStage[];

  constructor(context: CheckContext<MessageId>, stages: readonly DockerStage[]) {
    this.#context = context;
    this.#stages = stages;
  }

  /** Reviews ENTRYPOINT; 'decided' when CMD does not matter (it is only arguments, or ignored). */
  entrypoint(instruction: Instruction): 'decided' | 'see-cmd' {
    const { exec, commands } = instructionCommands(this.#context, instruction);
    if (!exec) {
      if (commands.length > 0) this.command(instruction, { exec, commands });
      return 'decided';
    }
    const [program, ...rest] = exec;
    if (!program) return 'see-cmd';
    const name = basename(program.value);
    if (name === 'dumb-init') return 'decided';
    if (name === 'tini' || name === 'tini-static') {
      if (rest.some((word) => /^-[a-zA-Z]*g/.test(word.value))) return 'decided';
      const separator = rest.findIndex((word) => word.value === '--');
      const child = separator === -1 ? rest.filter((word) => !word.value.startsWith('-')) : rest.slice(separator + 1);
      if (child.length === 0) return 'see-cmd';
      this.execForm(instruction, child, false);
      return 'decided';
    }
    if (NODE_PROGRAMS.has(name) || inlineShellScript(exec)) {
      this.execForm(instruction, exec, true);
      return 'decided';
    }
    const script = shellScriptPath(exec);
    return script === undefined ? 'see-cmd' : this.script(instruction, script);
  }

  /** Reviews a CMD (or a shell-form ENTRYPOINT). */
  command(instruction: Instruction, { exec, commands }: { exec: ShellWord[] | undefined; commands: ShellCommand[] }): void {
    if (exec) {
      this.execForm(instruction, exec, true);
      return;
    }
    const last = commands.at(-1);
    if (!last) return;
    const { words, exec: replaced } = effectiveCommand(last);
    const run = scriptRun(words);
    if (run) {
      this.reportPackageManager(instruction, words, run, commands.length === 1 && last.words.length === words.length + (replaced ? 1 : 0));
      return;
    }
    if (replaced) return;
    const simple = commands.length === 1 && last.words.length === words.length && words.every((word) => PLAIN_WORD.test(word.value));
    const suggestion = simple ? execFormText(instruction, words.map((word) => word.value)) : `${instruction.getInstruction()} ["node", …]`;
    this.#context.report({
      ...this.at(instruction),
      messageId: 'shellForm',
      data: { command: `${instruction.getInstruction()} ${commandText(commands.flatMap((command) => command.words))}`, suggestion },
      ...(simple ? { fix: this.fix(instruction, suggestion) } : {}),
    });
  }

  /** An exec-form command (`["npm", "start"]`, `["sh", "-c", "…"]`, `["./start.sh"]`). */
  private execForm(instruction: Instruction, words: readonly ShellWord[], wholeInstruction: boolean): void {
    const inline = inlineShellScript(words);
    if (inline) {
      const offset = inline.quoted ? inline.start + 1 : inline.start;
      const commands = parseShellCommands(inline.value, { offset });
      const last = commands.at(-1);
      if (!last) return;
      const effective = effectiveCommand(last);
      const run = scriptRun(effective.words);
      if (run) this.reportPackageManager(instruction, effective.words, run, false);
      else if (!effective.exec && effective.words.length > 0) {
        this.#context.report({
          ...this.at(instruction),
          messageId: 'shellForm',
          data: { command: `${words[0]!.value} -c '${inline.value}'`, suggestion: `${instruction.getInstruction()} ["node", …]` },
        });
      }
      return;
    }
    const run = scriptRun(words);
    if (run) {
      this.reportPackageManager(instruction, words, run, wholeInstruction);
      return;
    }
    const script = shellScriptPath(words);
    if (script !== undefined) this.script(instruction, script);
  }

  /**
   * A repository shell script as the start command: 'see-cmd' when, on the process model's
   * reading of it, it hands over to CMD with `exec "$@"`, or is not in the repository. What the
   * script itself starts is judged at its own lines (commands.ts).
   */
  private script(instruction: Instruction, scriptPath: string): 'decided' | 'see-cmd' {
    const file = repositoryFileFor(this.#context, this.#stages, scriptPath);
    if (file === undefined || !this.#context.repo.has(file)) return 'see-cmd';
    const image = processModel(this.#context).paths.filter((startPath) => startPath.site.file === this.#context.path);
    const reached = image.flatMap((startPath) => startPath.commands.filter((command) => command.file === file));
    if (reached.length === 0) return 'see-cmd';
    if (image.some((startPath) => startPath.trapsTerm)) return 'decided';
    return reached.some((command) => command.handover && command.exec && !command.background && !command.piped) ? 'see-cmd' : 'decided';
  }

  private reportPackageManager(instruction: Instruction, words: readonly ShellWord[], run: ScriptRun, replaceable: boolean): void {
    const node = replaceable ? this.nodeCommand(run) : undefined;
    const suggestion = node ? execFormText(instruction, node) : `${instruction.getInstruction()} ["node", "<entry file>"]`;
    this.#context.report({
      ...this.at(instruction),
      messageId: 'packageManager',
      data: { command: commandText(words), manager: run.manager, script: run.script, suggestion },
      ...(node ? { fix: this.fix(instruction, suggestion) } : {}),
    });
  }

  /**
   * `node <file> …` when the script `run` starts is exactly that (no pre-script, no shell
   * syntax, no variables), so exec form runs the same process. Undefined otherwise.
   */
  private nodeCommand(run: ScriptRun): string[] | undefined {
    const manifest = nearestPackageManifest(this.#context, directoryOf(this.#context.path));
    if (!manifest) return undefined;
    const body = manifest.scripts[run.script];
    if (body === undefined || manifest.scripts[`pre${run.script}`] !== undefined) return undefined;
    if (run.manager === 'yarn' && this.#context.repo.has(path.join(manifest.dir, '.pnp.cjs'))) return undefined;
    const commands = parseShellCommands(body);
    const [only] = commands;
    if (commands.length !== 1 || !only) return undefined;
    const values = only.words.map((word) => word.value);
    if (values[0] !== 'node' || values.length < 2 || !values.every((value) => PLAIN_WORD.test(value))) return undefined;
    return values;
  }

  private at(instruction: Instruction): { range: readonly [number, number] } {
    const range = instruction.getRange();
    return { range: [offsetOf(this.#context, range.start), offsetOf(this.#context, range.end)] };
  }

  private fix(instruction: Instruction, text: string): { description: string; edits: TextEdit[] } {
    const [start, end] = this.at(instruction).range;
    return { description: 'Start node directly in exec form', edits: [{ start, end, text }] };
  }
}

/** `CMD ["node", "dist/server.js"]`, keeping the instruction keyword as written. */
function execFormText(instruction: Instruction, words: readonly string[]): string {
  return `${instruction.getInstruction()} [${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
