import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import type { KindToNodeMappings, Node, SourceFile, SyntaxKind, ts } from 'ts-morph';
import { parseTOML, type AST as TomlAst } from 'toml-eslint-parser';
import type { Tree } from 'web-tree-sitter';
import { typescript } from '../languages/javascript/lazy-ts-morph.ts';
import { TREE_SITTER_GRAMMARS } from '../languages/index.ts';
import { loadedTreeSitterLanguage } from '../languages/tree-sitter.ts';
import { LineCounter, parseDocument, type Document } from 'yaml';
import {
  UnparsableFileError,
  type Check,
  type CheckContext,
  type CheckSettings,
  type ReportDescriptor,
} from '../../checks/define-check.ts';
import { fileKindOf, type FileKind } from './file-kind.ts';
import type { Location, Severity } from './finding.ts';
import { LineIndex } from './line-index.ts';
import type { RepositoryView } from './repository.ts';
import type { ScriptParser } from '../languages/javascript/script-parser.ts';

/** A report as the engine receives it, before suppressions, dedupe and fingerprints. */
export interface RawReport {
  check: Check;
  location: Location;
  message: string;
  severity?: Severity;
  /** Lines of the construct the finding covers (see ReportDescriptor.covers). */
  covers?: { line: number; endLine: number };
  fix?: { description: string; replacement: string };
}

/** State shared by every file of one engine run over one revision. */
export interface RunState {
  repo: RepositoryView;
  parser: ScriptParser;
  settings: CheckSettings;
  memo: Map<string, unknown>;
  /** Scripts parsed for repository-level rules, kept for the whole run. */
  scripts: Map<string, SourceFile | undefined>;
  /** Other files' tree-sitter trees, parsed once per run; freed by `releaseRun`. */
  trees: Map<string, Tree | undefined>;
}

/** Frees what a run kept beyond its files (tree-sitter trees live outside the JS heap). */
export function releaseRun(run: RunState): void {
  for (const tree of run.trees.values()) tree?.delete();
  run.trees.clear();
}

/** One file's lazily parsed forms, shared by all rules that run on it. */
export class FileAnalysis {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly isTest: boolean;
  readonly lineIndex: LineIndex;
  readonly reports: RawReport[] = [];
  readonly #run: RunState;
  readonly #memo = new Map<string, unknown>();
  #sourceFile: SourceFile | undefined;
  #tree: Tree | undefined;
  #lines: readonly string[] | undefined;

  constructor(run: RunState, filePath: string, kind: FileKind, text: string, isTest: boolean) {
    this.#run = run;
    this.path = filePath;
    this.kind = kind;
    this.text = text;
    this.isTest = isTest;
    this.lineIndex = new LineIndex(text);
  }

  /** The context one check sees of this file. */
  contextFor<M extends string>(check: Check<M>): CheckContext<M> {
    const file = this;
    return {
      path: this.path,
      kind: this.kind,
      text: this.text,
      isTest: this.isTest,
      repo: this.#run.repo,
      settings: this.#run.settings,
      lines: () => this.lines(),
      ast: () => this.ast(),
      ofKind: <K extends SyntaxKind>(kind: K) => this.ofKind(kind),
      compilerNodesOfKind: (kind) => this.compilerNodesOfKind(kind),
      wrap: (node) => wrapNode(this.ast(), node),
      yaml: () => this.memo('yaml', () => parseYaml(this.text)),
      dockerfile: () => this.memo('dockerfile', () => parseDockerfile(this.text)),
      tree: () => this.tree(),
      toml: () => this.memo('toml', () => parseToml(this.text)),
      treeOf: (filePath) => repositoryTree(this.#run, filePath),
      locate: (start, end) => this.lineIndex.locate(start, end),
      perFile: (key, compute) => this.memo(key, compute),
      perRun: (key, compute) => memoize(this.#run.memo, key, compute),
      parseScript: (filePath) => parseRepositoryScript(this.#run, filePath),
      report(descriptor: ReportDescriptor<M>) {
        file.reports.push(file.toRawReport(check as Check, descriptor));
      },
    };
  }

  lines(): readonly string[] {
    this.#lines ??= this.text.split(/\r?\n/);
    return this.#lines;
  }

  ast(): SourceFile {
    this.#sourceFile ??= this.#run.scripts.get(this.path) ?? this.#run.parser.parse(this.path, this.text);
    return this.#sourceFile;
  }

  /**
   * Descendants of one kind. The first call indexes every node of the tree by kind in one walk
   * over the compiler's nodes; ts-morph wrappers are made only for the kinds rules ask for —
   * wrapping is what costs, not walking.
   */
  ofKind<K extends SyntaxKind>(kind: K): readonly KindToNodeMappings[K][] {
    return this.memo(`ofKind:${kind}`, () => {
      const sourceFile = this.ast();
      return this.compilerNodesOfKind(kind).map((node) => wrapNode(sourceFile, node)) as KindToNodeMappings[K][];
    });
  }

  compilerNodesOfKind(kind: SyntaxKind): readonly ts.Node[] {
    return this.memo('kindIndex', () => indexByKind(this.ast().compilerNode)).get(kind) ?? [];
  }

  tree(): Tree {
    this.#tree ??= parseTree(this.kind, this.path, this.text, this.#run);
    return this.#tree;
  }

  /** Frees the syntax trees once every rule has run. */
  release(): void {
    this.#sourceFile = undefined;
    if (this.#tree && !this.#run.trees.has(this.path)) this.#tree.delete();
    this.#tree = undefined;
    this.#memo.clear();
  }

  private memo<T>(key: string, compute: () => T): T {
    return memoize(this.#memo, key, compute);
  }

  private toRawReport(check: Check, descriptor: ReportDescriptor<string>): RawReport {
    const location = this.locationOf(descriptor);
    const template = check.meta.messages[descriptor.messageId];
    if (template === undefined) throw new Error(`${check.id} reported unknown messageId "${descriptor.messageId}"`);
    const report: RawReport = { check, location, message: fillTemplate(template, descriptor.data) };
    if (descriptor.severity) report.severity = descriptor.severity;
    if (descriptor.covers) {
      const covered = this.lineIndex.locate(descriptor.covers[0], descriptor.covers[1]);
      report.covers = { line: covered.line, endLine: covered.endLine };
    }
    if (descriptor.fix) {
      if (!check.meta.fixable) throw new Error(`${check.id} offered a fix but is not declared fixable`);
      const replacement = this.lineIndex.replaceLines(location.line, location.endLine, descriptor.fix.edits);
      if (replacement !== undefined) report.fix = { description: descriptor.fix.description, replacement };
    }
    return report;
  }

  private locationOf(descriptor: ReportDescriptor<string>): Location {
    if ('loc' in descriptor) return descriptor.loc;
    if ('range' in descriptor) return this.lineIndex.locate(descriptor.range[0], descriptor.range[1]);
    const node = descriptor.node;
    return this.lineIndex.locate(node.getStart(), node.getEnd());
  }
}

/** Every node below `root`, grouped by kind, in document order. */
function indexByKind(root: ts.Node): Map<SyntaxKind, ts.Node[]> {
  const index = new Map<SyntaxKind, ts.Node[]>();
  const visit = (node: ts.Node): void => {
    const list = index.get(node.kind);
    if (list) list.push(node);
    else index.set(node.kind, [node]);
    typescript.forEachChild(node, visit);
  };
  typescript.forEachChild(root, visit);
  return index;
}

/**
 * The ts-morph wrapper of a compiler node of `sourceFile`, cached by ts-morph itself. ts-morph
 * exposes the accessor only internally (its own getDescendantsOfKind uses it; stable through the
 * pinned ts-morph 28); should it disappear, the public position lookup is the fallback.
 */
function wrapNode(sourceFile: SourceFile, node: ts.Node): Node {
  const access = (sourceFile as unknown as { _getNodeFromCompilerNode?: (compilerNode: ts.Node) => Node })._getNodeFromCompilerNode;
  if (typeof access === 'function') return access.call(sourceFile, node);
  const compilerFile = sourceFile.compilerNode;
  let candidate: Node | undefined = sourceFile.getDescendantAtStartWithWidth(node.getStart(compilerFile), node.getWidth(compilerFile));
  while (candidate && candidate.compilerNode !== node) candidate = candidate.getParent();
  if (!candidate) throw new Error(`no ts-morph node for a ${typescript.SyntaxKind[node.kind]} of ${sourceFile.getFilePath()}`);
  return candidate;
}

function memoize<T>(memo: Map<string, unknown>, key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

function fillTemplate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    data && name in data ? String(data[name]) : whole,
  );
}

function parseYaml(text: string): Document.Parsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new UnparsableFileError(`invalid ${looksLikeJson(text) ? 'JSON' : 'YAML'} at line ${line}: ${error.message.split('\n')[0]}`, line);
  }
  return document;
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

function parseDockerfile(text: string): Dockerfile {
  const dockerfile = DockerfileParser.parse(text);
  if (dockerfile.getInstructions().length === 0 && text.trim() !== '') {
    throw new UnparsableFileError('no Dockerfile instructions found');
  }
  return dockerfile;
}

/** A file's tree from its kind's tree-sitter grammar (reused when the run parsed it already). */
function parseTree(kind: FileKind, filePath: string, text: string, run: RunState): Tree {
  const kept = run.trees.get(filePath);
  if (kept) return kept;
  const grammar = TREE_SITTER_GRAMMARS[kind];
  if (!grammar) throw new Error(`no tree-sitter grammar for ${kind} files (${filePath})`);
  return loadedTreeSitterLanguage(grammar).parse(text);
}

function repositoryTree(run: RunState, filePath: string): Tree | undefined {
  if (run.trees.has(filePath)) return run.trees.get(filePath);
  const grammar = TREE_SITTER_GRAMMARS[fileKindOf(filePath)];
  const text = grammar === undefined ? undefined : run.repo.read(filePath);
  let tree: Tree | undefined;
  if (grammar !== undefined && text !== undefined) {
    try {
      tree = loadedTreeSitterLanguage(grammar).parse(text);
    } catch (error) {
      if (!(error instanceof UnparsableFileError)) throw error;
    }
  }
  run.trees.set(filePath, tree);
  return tree;
}

function parseToml(text: string): TomlAst.TOMLProgram {
  try {
    return parseTOML(text);
  } catch (error) {
    const { lineNumber, column, message } = error as { lineNumber?: number; column?: number; message?: string };
    const where = lineNumber === undefined ? '' : ` at ${lineNumber}:${(column ?? 0) + 1}`;
    throw new UnparsableFileError(`invalid TOML${where}: ${String(message ?? error).split('\n')[0]}`, lineNumber);
  }
}

function parseRepositoryScript(run: RunState, filePath: string): SourceFile | undefined {
  if (run.scripts.has(filePath)) return run.scripts.get(filePath);
  const text = run.repo.read(filePath);
  let sourceFile: SourceFile | undefined;
  if (text !== undefined) {
    try {
      sourceFile = run.parser.parse(filePath, text);
    } catch (error) {
      if (!(error instanceof UnparsableFileError)) throw error;
    }
  }
  run.scripts.set(filePath, sourceFile);
  return sourceFile;
}
