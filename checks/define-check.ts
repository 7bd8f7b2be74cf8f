import type { KindToNodeMappings, Node, SourceFile, SyntaxKind, ts } from 'ts-morph';
import type { Document } from 'yaml';
import type { Dockerfile } from 'dockerfile-ast';
import type { AST as TomlAst } from 'toml-eslint-parser';
import type { Tree } from 'web-tree-sitter';
import type { Factor, Location, Severity } from '../src/engine/finding.ts';
import type { FileKind } from '../src/engine/file-kind.ts';
import type { RepositoryView } from '../src/engine/repository.ts';

/**
 * The parsed form a detector reads; the engine parses each file at most once per form and loads
 * a parser (ts-morph, a tree-sitter grammar) only when an enabled detector needs it. `shell` is
 * text whose lines are commands (a Procfile); every other structured form may hold commands too,
 * so the shell grammar is loaded for all but `text`.
 */
export type CheckNeed = 'text' | 'shell' | 'ts-morph' | 'tree-sitter' | 'yaml' | 'toml' | 'dockerfile';

/**
 * Everything about a rule that is not a detector: docs and messages, written once whatever the
 * languages it covers.
 */
export interface CheckMeta<MessageId extends string = string> {
  factor: Factor;
  severity: Severity;
  /** One line, imperative or descriptive: "Hard-coded listen port". */
  title: string;
  /** Why it matters, one paragraph. */
  description: string;
  /** What to do instead, one sentence. */
  fix: string;
  /** `repository`: the finding may sit on a line the change did not touch (DESIGN.md step 3). */
  scope?: 'file' | 'repository';
  /** Test code is exempt from factor rules; secret rules opt in. */
  includeTests?: boolean;
  /** Declared when the detector offers replacements; the engine refuses fixes otherwise. */
  fixable?: boolean;
  /** Rule ids this rule wins over when both report the same line. */
  winsOver?: readonly string[];
  /** Message templates by id; `{{name}}` is filled from the report's data. */
  messages: Readonly<Record<MessageId, string>>;
}

/** A text edit by character offsets into the file's text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Where a finding sits: a ts-morph node, a character range, or an explicit location. */
export type ReportTarget = { node: Node } | { range: readonly [number, number] } | { loc: Location };

export type ReportDescriptor<MessageId extends string> = ReportTarget & {
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  /** A lower (or higher) severity than the rule's default for this occurrence. */
  severity?: Severity;
  /**
   * The character range of the whole construct the finding is about (an `if` chain, a
   * `switch`): rules this one `winsOver` stay silent anywhere inside it, not just on its line.
   */
  covers?: readonly [number, number];
  /** Edits that fix the finding; they must lie within the finding's lines. */
  fix?: { description: string; edits: readonly TextEdit[] };
};

/** Settings from the configuration that detectors may read. */
export interface CheckSettings {
  /** Extra allowlist patterns for secret values (config `secrets.allow`). */
  readonly secretAllowlist: readonly RegExp[];
}

/** What a detector sees: one file, lazily parsed, plus a read-only repository view. */
export interface CheckContext<MessageId extends string = string> {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly isTest: boolean;
  readonly repo: RepositoryView;
  readonly settings: CheckSettings;
  /** Lines of `text`, without terminators. */
  lines(): readonly string[];
  /** The ts-morph source file (no type checker). Throws UnparsableFileError on syntax errors. */
  ast(): SourceFile;
  /** Descendants of one syntax kind, memoised per file and shared by all rules. */
  ofKind<K extends SyntaxKind>(kind: K): readonly KindToNodeMappings[K][];
  /**
   * The compiler's (unwrapped) nodes of one kind, from the same single walk: for helpers that
   * filter many nodes cheaply before wrapping the few they inspect with `wrap`.
   */
  compilerNodesOfKind(kind: SyntaxKind): readonly ts.Node[];
  /** The ts-morph node of a compiler node of this file (the object `ofKind` returns for it). */
  wrap(node: ts.Node): Node;
  /** YAML (or JSON, a YAML subset) with node ranges. Throws UnparsableFileError. */
  yaml(): Document.Parsed;
  /** Throws UnparsableFileError when the file has no instructions at all. */
  dockerfile(): Dockerfile;
  /**
   * The tree-sitter tree of a file of a tree-sitter language (Python). Throws
   * UnparsableFileError when the tree holds a syntax error.
   */
  tree(): Tree;
  /** Another file's tree-sitter tree, parsed once per run; undefined when unreadable or broken. */
  treeOf(filePath: string): Tree | undefined;
  /** TOML with positions (pyproject.toml, Pipfile). Throws UnparsableFileError. */
  toml(): TomlAst.TOMLProgram;
  /** 1-based location of a character range of this file. */
  locate(start: number, end: number): Location;
  /** A value computed once per file and shared by every rule on it. */
  perFile<T>(key: string, compute: () => T): T;
  /** A value computed once per engine run (repository-wide facts). */
  perRun<T>(key: string, compute: () => T): T;
  /** Another script of the repository, parsed once per run; undefined when unreadable. */
  parseScript(filePath: string): SourceFile | undefined;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

/** One rule on one language or file kind, reading one parsed form. */
export interface Detector<MessageId extends string = string> {
  kinds: readonly FileKind[] | 'all';
  needs: CheckNeed;
  /**
   * `repository`: this detector's findings may sit in files the change did not touch, though
   * the rule's other detectors judge one file (a start command reaching an unchanged script).
   */
  scope?: 'repository';
  detect(context: CheckContext<MessageId>): void | Promise<void>;
}

export interface Check<MessageId extends string = string> {
  /** `<factor-slug>/<rule-name>`, equal to its path under `checks/` (a file, or a folder's index). */
  id: string;
  meta: CheckMeta<MessageId>;
  /** At most one per file kind: the engine runs the one that reads the file. */
  detectors: readonly Detector<MessageId>[];
}

/** Declares a rule. Message ids are typed from `meta.messages`, so a typo does not compile. */
export function defineCheck<MessageId extends string>(check: Check<MessageId>): Check<MessageId> {
  return check;
}

/** Declares one language's detector of a rule, in its own file beside the rule's metadata. */
export function defineDetector<MessageId extends string>(detector: Detector<MessageId>): Detector<MessageId> {
  return detector;
}

/** The detector of `check` that reads files of `kind`, if any. */
export function detectorFor<M extends string>(check: Check<M>, kind: FileKind): Detector<M> | undefined {
  return check.detectors.find((detector) => detector.kinds === 'all' || detector.kinds.includes(kind));
}

/** Thrown by a context parser: the engine skips the file, counts it and reports the reason. */
export class UnparsableFileError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'UnparsableFileError';
    this.line = line;
  }
}
