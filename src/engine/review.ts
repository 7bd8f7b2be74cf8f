import path from 'node:path/posix';
import picomatch from 'picomatch';
import { detectorFor, UnparsableFileError, type Check, type CheckSettings, type Detector } from '../../checks/define-check.ts';
import { CHECKS } from '../../checks/index.ts';
import { touchesAdded, type ChangedFile, type Changeset } from './changeset.ts';
import { DEFAULT_CONFIG, type Config } from './config.ts';
import { FileAnalysis, releaseRun, type RunState } from './file-context.ts';
import { loadTsMorph } from '../languages/javascript/lazy-ts-morph.ts';
import { TREE_SITTER_GRAMMARS } from '../languages/index.ts';
import { loadTreeSitterLanguage } from '../languages/tree-sitter.ts';
import { loadShellGrammar } from '../languages/shell/parse-shell.ts';
import { defaultSkipReason, fileKindOf, isTestPath, looksBinary, MAX_FILE_BYTES, type FileKind } from './file-kind.ts';
import { compareFindings, type Finding, type Report, type SecretsOnlyFiles, type Severity, type SkippedFile, type Summary, type UnreadFile } from './finding.ts';
import { postProcess } from './post-process.ts';
import { readUnlessUnreadable, UnreadableFileError, type RepositoryView } from './repository.ts';
import { ScriptParser } from '../languages/javascript/script-parser.ts';
import { sourceLanguageOf } from './source-language.ts';

export interface ReviewOptions {
  config?: Config;
  /** The rule catalogue; defaults to every registered rule. */
  checks?: readonly Check[];
}

/** A check enabled for this review, with the severity configuration gives it. */
export interface EnabledCheck {
  check: Check;
  severity: Severity;
  /** True when configuration set the severity: a rule's per-occurrence severity then yields. */
  configured: boolean;
}

interface RevisionResult {
  findings: Finding[];
  skipped: SkippedFile[];
  suppressed: number;
  scanned: string[];
  /** The kind each analysed file was read as (a shebang makes an extension-less file a script). */
  kinds: Map<string, FileKind>;
  /** Repository files a rule could not read, with the rules whose findings were withheld. */
  withheld: Map<string, UnreadFile & { rules: string[] }>;
}

/**
 * Reviews a changeset: runs every enabled rule on every file, applies suppressions, dedupes,
 * fingerprints and, in diff mode, classifies findings as new or existing.
 */
export async function review(changeset: Changeset, options: ReviewOptions = {}): Promise<Report> {
  const started = performance.now();
  const config = options.config ?? DEFAULT_CONFIG;
  const enabled = enabledChecks(options.checks ?? CHECKS, config);
  const settings: CheckSettings = { secretAllowlist: config.secrets.allow.map((source) => new RegExp(source)) };
  const ignored = config.ignore.length > 0 ? picomatch([...config.ignore], { dot: true }) : () => false;
  const analyse = (files: readonly ChangedFile[], repo: RepositoryView, checks: readonly EnabledCheck[]) =>
    analyseRevision(files, repo, checks, settings, ignored);

  const head = await analyse(changeset.files, changeset.repo, enabled);
  let findings = head.findings;
  if (changeset.base) {
    const addedByPath = new Map(changeset.files.map((file) => [file.path, file.added]));
    const repositoryChecks = repositoryScoped(enabled);
    const baseFingerprints = new Set<string>();
    let elsewhere: Finding[] = [];
    let otherKinds = new Map<string, FileKind>();
    if (repositoryChecks.length > 0) {
      const changed = new Set(changeset.files.map((file) => file.path));
      const unchanged = filesOf(changeset.repo, repositoryChecks, (filePath) => !changed.has(filePath));
      const other = await analyse(unchanged, changeset.repo, repositoryChecks);
      elsewhere = other.findings;
      otherKinds = other.kinds;
      mergeWithheld(head.withheld, other.withheld);
      const base = await analyse(filesOf(changeset.base.repo, repositoryChecks, () => true), changeset.base.repo, repositoryChecks);
      for (const finding of base.findings) baseFingerprints.add(finding.fingerprint);
    }
    const repositoryLevel = new Map(repositoryChecks.map(({ check }) => [check.id, check]));
    const kinds = new Map([...head.kinds, ...otherKinds]);
    const isRepositoryLevel = (finding: Finding) => {
      const check = repositoryLevel.get(finding.ruleId);
      return check !== undefined && detectorFor(check, kinds.get(finding.path) ?? fileKindOf(finding.path)) !== undefined;
    };
    const isNew = (finding: Finding) =>
      touchesAdded(addedByPath.get(finding.path), finding.line, finding.endLine) || (isRepositoryLevel(finding) && !baseFingerprints.has(finding.fingerprint));
    findings = [
      ...findings.map((finding): Finding => ({ ...finding, status: isNew(finding) ? 'new' : 'existing' })),
      ...elsewhere.filter(isNew).map((finding): Finding => ({ ...finding, status: 'new' })),
    ];
  }
  findings.sort(compareFindings);
  const coverage = coverageOf(changeset, head, enabled);
  return {
    findings,
    skipped: head.skipped,
    suppressed: head.suppressed,
    ...coverage,
    summary: summarise(findings, head, coverage, performance.now() - started),
  };
}

type Coverage = Pick<Report, 'notReviewed' | 'unlisted' | 'unreadRepositoryFiles' | 'secretsOnly'> & { readByFactorRules: number };

/**
 * What the review did not read, so that no report calls it clean: changed files the source
 * could not read or list, repository files rules needed but could not read, and scanned files in
 * a language no enabled factor rule reads (they got secret scanning only).
 */
function coverageOf(changeset: Changeset, head: RevisionResult, enabled: readonly EnabledCheck[]): Coverage {
  const withheld = new Map(head.withheld);
  for (const file of changeset.repo.unreadable()) if (!withheld.has(file.path)) withheld.set(file.path, { ...file, rules: [] });
  const secretsOnly = new Map<string, string[]>();
  let readByFactorRules = 0;
  for (const filePath of head.scanned) {
    const kind = fileKindOf(filePath);
    if (enabled.some(({ check }) => readsCodeOf(check, kind))) {
      readByFactorRules++;
      continue;
    }
    const language = sourceLanguageOf(filePath);
    if (language !== undefined) secretsOnly.set(language, [...(secretsOnly.get(language) ?? []), filePath]);
  }
  const changed = new Set([...changeset.files, ...(changeset.unread ?? [])].map((file) => file.path));
  return {
    notReviewed: [...(changeset.unread ?? [])],
    unlisted: changeset.unlisted ?? 0,
    unreadRepositoryFiles: [...withheld.values()].filter((file) => !changed.has(file.path)),
    secretsOnly: [...secretsOnly].map(([language, paths]): SecretsOnlyFiles => ({ language, paths })),
    readByFactorRules,
  };
}

/**
 * True when a factor rule reads files of this kind as code. Secret scanning reads everything, and
 * a rule for every kind judges the path alone (config grouped by environment), not the code.
 */
function readsCodeOf(check: Check, kind: FileKind): boolean {
  return !check.id.startsWith('secrets/') && check.detectors.some((detector) => detector.kinds !== 'all' && detector.kinds.includes(kind));
}

function mergeWithheld(into: RevisionResult['withheld'], from: RevisionResult['withheld']): void {
  for (const [filePath, file] of from) {
    const known = into.get(filePath);
    if (known) known.rules = [...new Set([...known.rules, ...file.rules])];
    else into.set(filePath, file);
  }
}

/**
 * The part of each enabled check that looks beyond the changed files: the whole check when its
 * metadata says so, else only its detectors declared `scope: 'repository'` (the start-command
 * detector of a rule whose code detectors judge one file).
 */
function repositoryScoped(enabled: readonly EnabledCheck[]): EnabledCheck[] {
  return enabled.flatMap((entry) => {
    if (entry.check.meta.scope === 'repository') return [entry];
    const detectors = entry.check.detectors.filter((detector) => detector.scope === 'repository');
    return detectors.length === 0 ? [] : [{ ...entry, check: { ...entry.check, detectors } }];
  });
}

/** Which checks run, at which severity, under `config`. */
export function enabledChecks(checks: readonly Check[], config: Config): EnabledCheck[] {
  const enabled: EnabledCheck[] = [];
  for (const check of checks) {
    const setting = config.rules[check.id] ?? (check.id.startsWith('secrets/') ? config.rules['secrets/*'] : undefined);
    if (setting === 'off' || config.factorsOff.includes(check.meta.factor)) continue;
    enabled.push({ check, severity: setting ?? check.meta.severity, configured: setting !== undefined });
  }
  return enabled;
}

/** The repository's files that `checks` read, as changeset files without added lines. */
function filesOf(repo: RepositoryView, checks: readonly EnabledCheck[], include: (filePath: string) => boolean): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (const filePath of repo.paths()) {
    if (!include(filePath)) continue;
    const byPath = fileKindOf(filePath);
    // An extension-less file may be a shell script (`bin/web`): its shebang decides.
    const content = byPath === 'text' && path.extname(filePath) === '' ? readUnlessUnreadable(repo, filePath) : undefined;
    const kind = content === undefined ? byPath : fileKindOf(filePath, content);
    if (!checks.some(({ check }) => detectorFor(check, kind))) continue;
    const text = content ?? readUnlessUnreadable(repo, filePath);
    if (text !== undefined) files.push({ path: filePath, content: text });
  }
  return files;
}

async function analyseRevision(
  files: readonly ChangedFile[],
  repo: RepositoryView,
  checks: readonly EnabledCheck[],
  settings: CheckSettings,
  ignored: (filePath: string) => boolean,
): Promise<RevisionResult> {
  const run: RunState = { repo, parser: new ScriptParser(), settings, memo: new Map(), scripts: new Map(), trees: new Map() };
  const result: RevisionResult = { findings: [], skipped: [], suppressed: 0, scanned: [], withheld: new Map(), kinds: new Map() };
  for (const file of files) {
    const skip = skipReason(file, ignored);
    if (skip) {
      result.skipped.push(skip);
      continue;
    }
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    const kind = fileKindOf(file.path, text);
    result.kinds.set(file.path, kind);
    const isTest = isTestPath(file.path);
    const applicable = detectorsFor(checks, kind, isTest);
    await loadParsers(kind, applicable);
    const analysis = new FileAnalysis(run, file.path, kind, text, isTest);
    let unparsable: SkippedFile | undefined;
    for (const { check, detector } of applicable) {
      try {
        await detector.detect(analysis.contextFor(check));
      } catch (error) {
        if (error instanceof UnreadableFileError) {
          withholdFindings(analysis, check, error, result.withheld);
          continue;
        }
        unparsable ??= {
          path: file.path,
          reason: 'unparsable',
          detail: error instanceof UnparsableFileError ? error.message : `rule ${check.id} failed: ${String(error)}`,
        };
      }
    }
    analysis.release();
    if (unparsable) result.skipped.push(unparsable);
    else result.scanned.push(file.path);
    const processed = postProcess(analysis, checks);
    result.findings.push(...processed.findings);
    result.suppressed += processed.suppressed;
  }
  releaseRun(run);
  return result;
}

/** Each enabled check's detector for files of `kind` (test code: secret rules only). */
function detectorsFor(checks: readonly EnabledCheck[], kind: FileKind, isTest: boolean): { check: Check; detector: Detector }[] {
  const found: { check: Check; detector: Detector }[] = [];
  for (const { check } of checks) {
    if (isTest && check.meta.includeTests !== true) continue;
    const detector = detectorFor(check, kind);
    if (detector) found.push({ check, detector });
  }
  return found;
}

/**
 * Loads, once per process, the parsers these detectors need: nothing is loaded for text rules.
 * Any structural detector may read a command line (a Dockerfile's CMD, a Procfile, a script in
 * package.json, `subprocess.run(…, shell=True)`), so the shell grammar comes with the first.
 */
async function loadParsers(kind: FileKind, detectors: readonly { detector: Detector }[]): Promise<void> {
  const needs = new Set(detectors.map(({ detector }) => detector.needs));
  if ([...needs].some((need) => need !== 'text')) await loadShellGrammar();
  if (needs.has('ts-morph')) await loadTsMorph();
  const grammar = TREE_SITTER_GRAMMARS[kind];
  if (needs.has('tree-sitter') && grammar) await loadTreeSitterLanguage(grammar);
}

/** A rule that needed an unreadable file would only guess: its findings on this file are dropped. */
function withholdFindings(analysis: FileAnalysis, check: Check, error: UnreadableFileError, withheld: RevisionResult['withheld']): void {
  for (let index = analysis.reports.length - 1; index >= 0; index--) {
    if (analysis.reports[index]!.check === check) analysis.reports.splice(index, 1);
  }
  mergeWithheld(withheld, new Map([[error.file.path, { ...error.file, rules: [check.id] }]]));
}

function skipReason(file: ChangedFile, ignored: (filePath: string) => boolean): SkippedFile | undefined {
  if (ignored(file.path)) return { path: file.path, reason: 'ignored' };
  const byPath = defaultSkipReason(file.path);
  if (byPath) return { path: file.path, reason: byPath };
  const size = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength;
  if (size > MAX_FILE_BYTES) return { path: file.path, reason: 'too-large', detail: `over ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
  if (typeof file.content !== 'string' && looksBinary(file.content)) return { path: file.path, reason: 'binary' };
  if (typeof file.content === 'string' && file.content.includes('\0')) return { path: file.path, reason: 'binary' };
  return undefined;
}

function summarise(findings: readonly Finding[], head: RevisionResult, coverage: Coverage, durationMs: number): Summary {
  const byFactor: Summary['byFactor'] = {};
  for (const finding of findings) byFactor[`${finding.factor}`] = (byFactor[`${finding.factor}`] ?? 0) + 1;
  return {
    filesScanned: head.scanned.length,
    filesSkipped: head.skipped.length,
    filesNotReviewed: coverage.notReviewed.length + coverage.unlisted,
    filesReadByFactorRules: coverage.readByFactorRules,
    findings: findings.length,
    byFactor,
    durationMs: Math.round(durationMs),
  };
}
