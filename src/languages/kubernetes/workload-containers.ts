import { isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { Manifest } from './parse-manifest.ts';
import { isLongRunning, isWorkload, podContainersOf } from './workloads.ts';
import { pairsNamed, scalarText, valuesNamed } from './yaml-nodes.ts';

/** One word of a container's `command` or `args`: a sequence item, as written in the file. */
export interface CommandWord {
  /** The item's value (a whole script for `sh -c`'s argument). */
  readonly value: string;
  /** Character offsets of the item in the original file text, quotes and block indicator included. */
  readonly start: number;
  readonly end: number;
  /** Single- or double-quoted in the YAML: escapes may sit between the value and the file. */
  readonly quoted: boolean;
  /** The item contained a Helm action: its value is unknown. */
  readonly templated: boolean;
  /**
   * The file offset at which each line of `value` starts: one entry for a one-line item, one
   * per line for a literal block scalar (`- |`), so that text inside a script can be located.
   */
  readonly lineStarts: readonly number[];
}

/** A container's `command:` or `args:`. */
export interface ContainerCommand {
  /** 1-based line of the `command:`/`args:` key. */
  readonly line: number;
  readonly words: readonly CommandWord[];
  /** The list itself is written by the template (`{{- toYaml .Values.args | nindent 12 }}`): its words are unknown. */
  readonly templated: boolean;
}

/** A main or init container of a workload, as the process model reads it. */
export interface WorkloadContainer {
  /** `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet`, `ReplicationController`, `Job`, `CronJob`, `Pod`, `Rollout`, `DeploymentConfig`. */
  readonly workloadKind: string;
  readonly workloadName: string | undefined;
  /** The `helm.sh/hook` or `argocd.argoproj.io/hook` annotation's value (`pre-install,pre-upgrade`, `PreSync`). */
  readonly hook: string | undefined;
  /** A long-running workload (RULES-kubernetes.md): not a Job, CronJob, run-once Pod or hook. */
  readonly longRunning: boolean;
  /** An init container (not a native sidecar): runs to completion before the main containers start. */
  readonly init: boolean;
  /** An `initContainers[]` entry with `restartPolicy: Always`, running beside the main containers. */
  readonly sidecar: boolean;
  readonly containerName: string | undefined;
  readonly image: { readonly value: string; readonly templated: boolean } | undefined;
  readonly command: ContainerCommand | undefined;
  readonly args: ContainerCommand | undefined;
}

/**
 * Every main and init container of every workload of a parsed manifest file, in file order
 * (init containers of a pod first). Chart tests are not workloads of the manifest.
 */
export function workloadContainers(manifest: Manifest): WorkloadContainer[] {
  return manifest.objects.filter(isWorkload).flatMap((object) => {
    const longRunning = isLongRunning(object);
    return podContainersOf(object).flatMap(({ container }) => {
      const image = valuesNamed(container.node, 'image').find((value): value is Scalar => isScalar(value));
      const name = valuesNamed(container.node, 'name').find((value) => !manifest.isTemplated(value));
      // Both branches of a Helm `if`/`else` are read: a container with two `command:` keys is
      // listed once per variant.
      return variants(container.node, 'command').flatMap((command) =>
        variants(container.node, 'args').map(
          (args): WorkloadContainer => ({
            workloadKind: object.kind,
            workloadName: object.name,
            hook: object.hook,
            longRunning,
            init: container.role === 'init',
            sidecar: container.sidecar,
            containerName: scalarText(name),
            image: image === undefined ? undefined : { value: commandWord(manifest, image).value, templated: manifest.isTemplated(image) },
            command: containerCommand(manifest, command),
            args: containerCommand(manifest, args),
          }),
        ),
      );
    });
  });
}

function variants(container: Node, key: string): (Pair<Node, Node | null> | undefined)[] {
  const pairs = pairsNamed(container, key);
  return pairs.length === 0 ? [undefined] : pairs;
}

function containerCommand(manifest: Manifest, pair: Pair<Node, Node | null> | undefined): ContainerCommand | undefined {
  if (!pair) return undefined;
  const keyStart = (pair.key as Node).range![0];
  const line = manifest.lineOf(keyStart);
  const value = pair.value;
  if (isSeq(value)) {
    const words = value.items.filter((item): item is Scalar => isScalar(item)).map((item) => commandWord(manifest, item));
    return { line, words, templated: value.items.length !== words.length };
  }
  if (isScalar(value) && value.value !== null) {
    if (manifest.isTemplated(value)) return { line, words: [], templated: true };
    return { line, words: [commandWord(manifest, value)], templated: false };
  }
  return { line, words: [], templated: manifest.hidesContentAfter((pair.key as Node).range![1]) };
}

function commandWord(manifest: Manifest, node: Scalar): CommandWord {
  const [start, end] = node.range!;
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  // Trailing white space means nothing to a script, and in a masked Helm template it may be the
  // room an emptied action line left.
  const parsed = block ? trimLineEnds(scalarText(node) ?? '') : (scalarText(node) ?? '');
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const lineStarts = node.type === Scalar.BLOCK_LITERAL ? blockLineStarts(manifest.text, start, parsed) : [quoted ? start + 1 : start];
  const templated = manifest.isTemplated(node);
  const value = templated ? writtenValue(manifest.text, parsed, lineStarts) : parsed;
  return { value, start, end: trimmedEnd(manifest.text, start, end), quoted, templated, lineStarts };
}

function trimLineEnds(value: string): string {
  return value
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * A templated value as the template writes it (`--port={{ .Values.port }}`), not its masked
 * form: each line of the parsed value taken back from the file, where placeholders kept the
 * actions' places. A line the mask emptied stays empty.
 */
function writtenValue(text: string, parsed: string, lineStarts: readonly number[]): string {
  return parsed
    .split('\n')
    .map((line, index) => (index < lineStarts.length ? text.slice(lineStarts[index]!, lineStarts[index]! + line.length) : line))
    .join('\n');
}

/**
 * Where each line of a literal block scalar's value starts in the file: the lines after the
 * header, each past the block's indentation (that of its first non-empty line).
 */
function blockLineStarts(text: string, start: number, value: string): number[] {
  const lines = value.split('\n');
  // A final line break (clip or keep chomping) opens no line of its own.
  const lineCount = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  const starts: number[] = [];
  let lineStart = text.indexOf('\n', start) + 1;
  let indent: number | undefined;
  for (let index = 0; index < lineCount && lineStart > 0; index++) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline);
    if (indent === undefined && line.trim() !== '') indent = line.length - line.trimStart().length;
    starts.push(lineStart);
    lineStart = newline + 1;
  }
  return starts.map((offset) => offset + Math.min(indent ?? 0, lineLength(text, offset)));
}

function lineLength(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', lineStart);
  return (newline === -1 ? text.length : newline) - lineStart;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/**
 * The file offset of character `index` of a word's value. Exact for one-line items without
 * escapes and for every line of a literal block scalar; elsewhere the line's start.
 */
export function fileOffsetOf(word: CommandWord, index: number): number {
  const before = word.value.slice(0, index);
  const line = before.split('\n').length - 1;
  const column = index - (before.lastIndexOf('\n') + 1);
  const lineStart = word.lineStarts[Math.min(line, word.lineStarts.length - 1)]!;
  return Math.min(lineStart + (line < word.lineStarts.length ? column : 0), word.end);
}
