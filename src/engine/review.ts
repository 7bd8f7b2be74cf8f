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
import { compareFindings, type Finding, type Report, type Severity, type SkippedFile, type Summary } from './finding.ts';
import { postProcess } from './post-process.ts';
import type { RepositoryView } from './repository.ts';
import { ScriptParser } from '../languages/javascript/script-parser.ts';

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
  scanned: number;
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
    const repositoryChecks = enabled.filter(({ check }) => check.meta.scope === 'repository');
    const baseFingerprints = new Set<string>();
    let elsewhere: Finding[] = [];
    if (repositoryChecks.length > 0) {
      const changed = new Set(changeset.files.map((file) => file.path));
      const unchanged = filesOf(changeset.repo, repositoryChecks, (filePath) => !changed.has(filePath));
      elsewhere = (await analyse(unchanged, changeset.repo, repositoryChecks)).findings;
      const base = await analyse(filesOf(changeset.base.repo, repositoryChecks, () => true), changeset.base.repo, repositoryChecks);
      for (const finding of base.findings) baseFingerprints.add(finding.fingerprint);
    }
    const isRepositoryLevel = new Set(repositoryChecks.map(({ check }) => check.id));
    const isNew = (finding: Finding) =>
      touchesAdded(addedByPath.get(finding.path), finding.line, finding.endLine) ||
      (isRepositoryLevel.has(finding.ruleId) && !baseFingerprints.has(finding.fingerprint));
    findings = [
      ...findings.map((finding): Finding => ({ ...finding, status: isNew(finding) ? 'new' : 'existing' })),
      ...elsewhere.filter(isNew).map((finding): Finding => ({ ...finding, status: 'new' })),
    ];
  }
  findings.sort(compareFindings);
  return {
    findings,
    skipped: head.skipped,
    suppressed: head.suppressed,
    summary: summarise(findings, head, performance.now() - started),
  };
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
    const kind = fileKindOf(filePath);
    if (!checks.some(({ check }) => detectorFor(check, kind))) continue;
    const content = repo.read(filePath);
    if (content !== undefined) files.push({ path: filePath, content });
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
  const result: RevisionResult = { findings: [], skipped: [], suppressed: 0, scanned: 0 };
  for (const file of files) {
    const skip = skipReason(file, ignored);
    if (skip) {
      result.skipped.push(skip);
      continue;
    }
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    const kind = fileKindOf(file.path);
    const isTest = isTestPath(file.path);
    const applicable = detectorsFor(checks, kind, isTest);
    await loadParsers(kind, applicable);
    const analysis = new FileAnalysis(run, file.path, kind, text, isTest);
    let unparsable: SkippedFile | undefined;
    for (const { check, detector } of applicable) {
      try {
        await detector.detect(analysis.contextFor(check));
      } catch (error) {
        unparsable ??= {
          path: file.path,
          reason: 'unparsable',
          detail: error instanceof UnparsableFileError ? error.message : `rule ${check.id} failed: ${String(error)}`,
        };
      }
    }
    analysis.release();
    if (unparsable) result.skipped.push(unparsable);
    else result.scanned++;
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
  for (const { detector } of detectors) {
    if (detector.needs !== 'text') await loadShellGrammar();
    if (detector.needs === 'ts-morph') await loadTsMorph();
    const grammar = TREE_SITTER_GRAMMARS[kind];
    if (detector.needs === 'tree-sitter' && grammar) await loadTreeSitterLanguage(grammar);
  }
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

function summarise(findings: readonly Finding[], head: RevisionResult, durationMs: number): Summary {
  const byFactor: Summary['byFactor'] = {};
  for (const finding of findings) byFactor[`${finding.factor}`] = (byFactor[`${finding.factor}`] ?? 0) + 1;
  return {
    filesScanned: head.scanned,
    filesSkipped: head.skipped.length,
    findings: findings.length,
    byFactor,
    durationMs: Math.round(durationMs),
  };
}
