import path from 'node:path/posix';
import { DockerfileParser, From, JSONInstruction, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { CheckContext } from '../define-check.ts';
import { directoryOf } from '../../src/engine/repository.ts';
import { parseShellCommands, type ShellCommand, type ShellWord } from '../../src/languages/shell/commands.ts';

type Range = ReturnType<Instruction['getRange']>;
type Position = Range['start'];

/** A Dockerfile as these helpers read it: the file under review, or another one of the repository. */
export type DockerfileFile = Pick<CheckContext, 'path' | 'text' | 'dockerfile' | 'perFile' | 'repo'>;

/** Another Dockerfile of the repository, parsed here (the process model reads every one). */
export function repositoryDockerfile(repo: CheckContext['repo'], filePath: string, text: string): DockerfileFile {
  const memo = new Map<string, unknown>();
  let parsed: Dockerfile | undefined;
  return {
    path: filePath,
    text,
    repo,
    dockerfile: () => (parsed ??= DockerfileParser.parse(text)),
    perFile<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface DockerStage {
  from: From;
  /** The `AS name` alias, lower-cased as Docker compares it. */
  name: string | undefined;
  instructions: readonly Instruction[];
  /** The earlier stage this one is built `FROM`, when its image names a stage alias. */
  parent: DockerStage | undefined;
}

/** The stages of the file under review, in order, memoised per file. */
export function dockerStages(context: DockerfileFile): readonly DockerStage[] {
  return context.perFile('dockerfile:stages', () => {
    const stages: DockerStage[] = [];
    let current: { from: From; name: string | undefined; instructions: Instruction[]; parent: DockerStage | undefined } | undefined;
    for (const instruction of context.dockerfile().getInstructions()) {
      if (instruction instanceof From) {
        if (current) stages.push(current);
        const image = instruction.getImage()?.toLowerCase();
        const parent = image === undefined ? undefined : stages.findLast((stage) => stage.name === image);
        current = { from: instruction, name: instruction.getBuildStage()?.toLowerCase() ?? undefined, instructions: [], parent };
      } else if (current) {
        current.instructions.push(instruction);
      }
    }
    if (current) stages.push(current);
    return stages;
  });
}

/** `ARG`s declared before the first FROM (the only variables a FROM line can use). */
export function globalArgs(context: DockerfileFile): ReadonlyMap<string, string | undefined> {
  return context.perFile('dockerfile:global-args', () => {
    const args = new Map<string, string | undefined>();
    for (const arg of context.dockerfile().getInitialARGs()) {
      const property = arg.getProperty();
      if (property) args.set(property.getName(), property.getValue() ?? undefined);
    }
    return args;
  });
}

/**
 * The stages whose layers end up in the image: the final stage and the stages it is built
 * from (`FROM builder` inherits builder's layers, CMD and ENTRYPOINT).
 */
export function runtimeStages(stages: readonly DockerStage[]): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let stage = stages.at(-1); stage && !chain.includes(stage); stage = stage.parent) chain.push(stage);
  return chain;
}

/**
 * The CMD and ENTRYPOINT the image runs: the last of each in the final stage, else inherited
 * from the stage it is built from. Setting ENTRYPOINT resets an inherited CMD, as Docker does.
 */
export function startInstructions(stages: readonly DockerStage[]): { entrypoint?: Instruction; cmd?: Instruction } {
  const result: { entrypoint?: Instruction; cmd?: Instruction } = {};
  let cmdSettled = false;
  for (const stage of runtimeStages(stages)) {
    const entrypoint = lastOf(stage, 'ENTRYPOINT');
    const cmd = lastOf(stage, 'CMD');
    if (!cmdSettled) {
      if (cmd) result.cmd = cmd;
      cmdSettled = cmd !== undefined || entrypoint !== undefined;
    }
    if (entrypoint && !result.entrypoint) result.entrypoint = entrypoint;
  }
  return result;
}

function lastOf(stage: DockerStage, keyword: string): Instruction | undefined {
  return stage.instructions.findLast((instruction) => instruction.getKeyword() === keyword);
}

/** What an instruction runs: exec-form words, or the shell commands of its shell form. */
export interface InstructionCommands {
  /** The JSON array's strings when the instruction is in exec form. */
  exec: ShellWord[] | undefined;
  /** The commands: the exec-form words as one command, or the parsed shell form. */
  commands: ShellCommand[];
}

/** The commands a RUN, CMD or ENTRYPOINT runs (heredoc bodies included), with file offsets. */
export function instructionCommands(context: DockerfileFile, instruction: Instruction): InstructionCommands {
  const exec = execFormWords(context, instruction);
  if (exec) {
    return { exec, commands: exec.length === 0 ? [] : [{ words: exec, start: exec[0]!.start, end: exec.at(-1)!.end, separator: '' }] };
  }
  const range = instruction.getArgumentsRange();
  if (!range) return { exec: undefined, commands: [] };
  const start = offsetOf(context, range.start);
  const end = offsetOf(context, range.end);
  const raw = context.text.slice(start, end);
  const escape = context.dockerfile().getEscapeCharacter();
  const heredoc = /^<<(-?)(["']?)([A-Za-z_][\w-]*)\2/.exec(raw);
  if (heredoc) {
    const bodyStart = raw.indexOf('\n');
    if (bodyStart === -1) return { exec: undefined, commands: [] };
    const lines = raw.slice(bodyStart + 1).split('\n');
    const delimiter = heredoc[3]!;
    let length = 0;
    for (const line of lines) {
      if ((heredoc[1] ? line.trim() : line.replace(/\r$/, '')) === delimiter) break;
      length += line.length + 1;
    }
    const body = raw.slice(bodyStart + 1, bodyStart + 1 + length);
    const head = raw.slice(heredoc[0].length, bodyStart);
    return {
      exec: undefined,
      commands: [
        ...parseShellCommands(head, { offset: start + heredoc[0].length, escape }),
        ...parseShellCommands(body, { offset: start + bodyStart + 1 }),
      ],
    };
  }
  return { exec: undefined, commands: parseShellCommands(raw, { offset: start, escape }) };
}

/** Exec-form words (`CMD ["node", "app.js"]`); undefined for the shell form. */
function execFormWords(context: DockerfileFile, instruction: Instruction): ShellWord[] | undefined {
  if (!(instruction instanceof JSONInstruction)) return undefined;
  const open = instruction.getOpeningBracket();
  const close = instruction.getClosingBracket();
  const args = instruction.getArgumentsRange();
  if (!open || !close || !args) return undefined;
  if (offsetOf(context, close.getRange().end) !== offsetOf(context, args.end)) return undefined;
  return instruction.getJSONStrings().map((string) => {
    const start = offsetOf(context, string.getRange().start);
    const end = offsetOf(context, string.getRange().end);
    return { value: jsonString(context.text.slice(start, end)) ?? string.getJSONValue(), start, end, quoted: true };
  });
}

/**
 * The value of a JSON string literal as written. dockerfile-ast's own `getJSONValue()` drops the
 * spaces inside the string (`"npm ci && node x"` → `npmci&&nodex`), so it is decoded here.
 */
function jsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal.replace(/\\\r?\n\s*/g, ''));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Character offset in the file of a dockerfile-ast position (0-based line and character). */
export function offsetOf(context: DockerfileFile, position: Position): number {
  const starts = context.perFile('dockerfile:line-starts', () => {
    const result = [0];
    for (let i = 0; i < context.text.length; i++) if (context.text.charCodeAt(i) === 10) result.push(i + 1);
    return result;
  });
  const lineStart = starts[Math.min(position.line, starts.length - 1)]!;
  return Math.min(lineStart + position.character, context.text.length);
}

/**
 * The repository file a path inside the image most likely is (`./docker-entrypoint.sh`,
 * `/usr/local/bin/start.sh`): a COPY/ADD source with that name, else the path relative to the
 * Dockerfile's directory or the repository root (the usual build contexts), after removing the
 * WORKDIR. Undefined when no such file is in the repository.
 */
export function repositoryFileFor(context: DockerfileFile, stages: readonly DockerStage[], imagePath: string): string | undefined {
  const dockerDir = directoryOf(context.path);
  const name = path.basename(imagePath);
  const candidates: string[] = [];
  const runtime = runtimeStages(stages);
  let workdir: string | undefined;
  for (const stage of [...runtime].reverse()) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'WORKDIR') workdir = instruction.getArgumentsContent()?.trim();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const words = instructionCommands(context, instruction).commands.flatMap((command) => command.words.map((word) => word.value));
      if (words.some((word) => word.startsWith('--from'))) continue;
      const operands = words.filter((word) => !word.startsWith('--'));
      for (const source of operands.slice(0, -1)) {
        if (path.basename(source) === name) candidates.push(path.join(dockerDir, source), path.normalize(source));
      }
    }
  }
  let relative = imagePath;
  if (relative.startsWith('/')) {
    const prefix = workdir && workdir !== '/' ? `${workdir.replace(/\/+$/, '')}/` : undefined;
    relative = prefix && relative.startsWith(prefix) ? relative.slice(prefix.length) : '';
  }
  if (relative !== '') candidates.push(path.join(dockerDir, relative), path.normalize(relative));
  return candidates.map((candidate) => candidate.replace(/^\.\//, '')).find((candidate) => !candidate.startsWith('..') && context.repo.has(candidate));
}
