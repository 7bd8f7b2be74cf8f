import path from 'node:path/posix';
import type { Instruction } from 'dockerfile-ast';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import type { CheckContext } from '../../define-check.ts';
import { fileKindOf } from '../../../src/engine/file-kind.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { LineIndex } from '../../../src/engine/line-index.ts';
import type { ShellWord } from '../../../src/languages/shell/commands.ts';
import { readShellScript } from '../../../src/languages/shell/script.ts';
import {
  dockerStages,
  instructionCommands,
  offsetOf,
  repositoryDockerfile,
  repositoryFileFor,
  startInstructions,
  type DockerfileFile,
  type DockerStage,
} from '../dockerfile-stages.ts';
import { parseProcfile } from '../../../src/languages/shell/procfile.ts';
import { mayHoldManifest, sharedManifest } from '../../../src/languages/kubernetes/read-manifest.ts';
import { workloadContainers, type CommandWord } from '../../../src/languages/kubernetes/workload-containers.ts';
import { nearestPackageManifest } from '../package-scripts.ts';
import type { ProcessRole, ShellEntry, WordsEntry } from './walk.ts';

/*
 * The start sites of RULES-commands.md §2: Procfiles, heroku.yml, compose services, the final
 * stage of each production Dockerfile, and package.json `start` when nothing else starts the app.
 * Development-only sites (§3.4) are not sites.
 */

/** What a site names: a word list run without a shell, or shell text. */
export type SiteEntryText = (WordsEntry & { kind: 'words' }) | (ShellEntry & { kind: 'shell' });

export interface StartSite {
  process: string;
  role: ProcessRole;
  /** The role follows the main process (an image, a compose service): settled after the walk. */
  roleFromCommand: boolean;
  file: string;
  line: number;
  container: boolean;
  platformPort: boolean;
  unreferenced: boolean;
  groupSignals: boolean;
  entry: SiteEntryText;
  resolve: (scriptPath: string, fromFile: string) => string | undefined;
  packageDir: string;
  /** A Kubernetes init container (RULES-kubernetes.md: migrations there are notices). */
  initContainer?: boolean;
}

const DEVELOPMENT_WORD = /(?:^|[./_-])(?:dev|develop|development|local|debug|watch|test|tests|ci|setup|bootstrap|install|examples?|docs)(?:$|[./_-])/i;
const DEVELOPMENT_PROCFILE = /^Procfile\.(?:dev|development|local|test)$/i;
const DEVELOPMENT_STAGE = /^(?:dev|development|local|test|debug)$/;
const PRODUCTION_STAGE = /^(?:prod|production|release|runtime|final)$/;
const ONE_OFF_PROCESS = new Set(['release', 'migrate', 'migrations', 'seed', 'setup', 'console', 'shell', 'predeploy', 'postdeploy', 'db-migrate', 'init']);
const CLOCK_PROCESS = /^(?:clock|beat|scheduler|cron)$/;

/** A path under `.devcontainer/` or named for development, tests or tooling (§2.8, §3.4). */
export function isDevelopmentPath(file: string): boolean {
  return file.split('/').some((part) => part === '.devcontainer' || part === '.github' || DEVELOPMENT_WORD.test(part));
}

/** The role a Procfile type or compose service name gives its process. */
function roleOfProcess(name: string): ProcessRole {
  if (name === 'web') return 'web';
  if (ONE_OFF_PROCESS.has(name)) return 'release';
  if (CLOCK_PROCESS.test(name)) return 'clock';
  return 'worker';
}

/** The start sites of the repository, and its development-only sites (§3.4). */
export interface RepositorySites {
  /** In the order a command is first named by: Procfiles, heroku.yml, compose, images, Kubernetes, package.json `start`. */
  production: StartSite[];
  /** Never reviewed, but the scripts they run are referenced, so not unreferenced start scripts either (§2.8). */
  development: StartSite[];
}

/**
 * Every start site, from one pass over the repository's paths. A site's file that exists but
 * cannot be read throws UnreadableFileError: the start-command findings are then withheld and
 * the file named, never guessed clean.
 */
export function readSites(context: CheckContext): RepositorySites {
  const procfiles: StartSite[] = [];
  const heroku: StartSite[] = [];
  const compose: StartSite[] = [];
  const images: StartSite[] = [];
  const kubernetes: StartSite[] = [];
  const packages: string[] = [];
  const development: StartSite[] = [];
  for (const file of context.repo.paths()) {
    const kind = fileKindOf(file);
    if (kind === 'procfile') {
      const local = DEVELOPMENT_PROCFILE.test(path.basename(file)) || file.includes('.devcontainer/');
      (local ? development : procfiles).push(...procfileSites(context, file));
    } else if (kind === 'compose') {
      (isDevelopmentCompose(file) ? development : compose).push(...composeSites(context, file));
    } else if (kind === 'dockerfile') {
      const local = isDevelopmentDockerfile(file);
      const site = dockerfileSite(context, file, undefined, local ? { process: 'development', role: 'release', roleFromCommand: false } : { process: 'image', role: 'web', roleFromCommand: true });
      if (site) (local ? development : images).push(site);
    } else if (kind === 'package-json' && !isDevelopmentPath(file)) {
      packages.push(file);
    }
    if (path.basename(file) === 'heroku.yml') heroku.push(...herokuSites(context, file));
    if (mayHoldManifest(file) && !isDevelopmentPath(file)) kubernetes.push(...kubernetesSites(context, file));
  }
  const production = [...procfiles, ...heroku, ...compose, ...images, ...kubernetes];
  if (production.length === 0) production.push(...packages.flatMap((file) => packageStartSites(context, file)));
  return { production, development };
}

function procfileSites(context: CheckContext, file: string): StartSite[] {
  const text = context.repo.read(file);
  if (text === undefined) return [];
  const dir = directoryOf(file);
  return parseProcfile(text)
    .filter((entry) => entry.command !== '')
    .map((entry) => ({
      process: entry.type,
      role: roleOfProcess(entry.type),
      roleFromCommand: false,
      file,
      line: entry.line,
      container: false,
      platformPort: entry.type === 'web',
      unreferenced: false,
      groupSignals: false,
      entry: { kind: 'shell', text: entry.command, offset: entry.commandStart, exact: true, at: [entry.start, entry.end] },
      resolve: (scriptPath, fromFile) => relativeFile(context.repo, dir, scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath),
      packageDir: dir,
    }));
}

function parseYaml(context: CheckContext, file: string): { text: string; document: Document.Parsed } | undefined {
  const text = context.repo.read(file);
  if (text === undefined) return undefined;
  const document = parseDocument(text, { uniqueKeys: false });
  return document.errors.length > 0 ? undefined : { text, document };
}

function herokuSites(context: CheckContext, file: string): StartSite[] {
  const parsed = parseYaml(context, file);
  if (!parsed) return [];
  const { text, document } = parsed;
  const lines = lineIndexOf(context, file);
  const dir = directoryOf(file);
  const sites: StartSite[] = [];
  const base = (process: string, role: ProcessRole, line: number) => ({
    process,
    role,
    roleFromCommand: false,
    file,
    line,
    container: false,
    platformPort: process === 'web',
    unreferenced: false,
    groupSignals: false,
    resolve: (scriptPath: string, fromFile: string) => relativeFile(context.repo, dir, scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath),
    packageDir: dir,
  });
  const run = document.get('run', true);
  const commandNode = (value: unknown): Scalar | undefined => (isScalar(value) ? value : isMap(value) && isScalar(value.get('command', true)) ? (value.get('command', true) as Scalar) : undefined);
  const withRun = new Set<string>();
  if (isMap(run)) {
    for (const item of run.items) {
      const name = isScalar(item.key) ? String(item.key.value) : '';
      const scalar = commandNode(item.value);
      if (!scalar || typeof scalar.value !== 'string') continue;
      withRun.add(name);
      sites.push({ ...base(name, roleOfProcess(name), lines.lineOf(scalar.range![0])), entry: scalarEntry(text, lines, scalar) });
    }
  }
  const release = commandNode(document.getIn(['release'], true));
  if (release && typeof release.value === 'string') sites.push({ ...base('release', 'release', lines.lineOf(release.range![0])), entry: scalarEntry(text, lines, release) });
  const dockerBuilds = document.getIn(['build', 'docker'], true);
  if (isMap(dockerBuilds)) {
    for (const item of dockerBuilds.items) {
      const name = isScalar(item.key) ? String(item.key.value) : '';
      const dockerfile = isScalar(item.value) ? String(item.value.value) : isMap(item.value) ? String(item.value.get('dockerfile') ?? '') : '';
      if (withRun.has(name) || dockerfile === '') continue;
      const site = dockerfileSite(context, path.join(dir, dockerfile), undefined, { process: name, role: roleOfProcess(name), roleFromCommand: false });
      if (site) sites.push({ ...site, container: false, platformPort: name === 'web' });
    }
  }
  return sites;
}

/** A YAML string scalar as shell text: exact offsets when the source holds the value as written. */
function scalarEntry(text: string, lines: LineIndex, scalar: Scalar): SiteEntryText {
  const [start, valueEnd] = scalar.range!;
  const value = String(scalar.value);
  const source = text.slice(start, valueEnd);
  const offset = source === value ? start : source.slice(1, -1) === value ? start + 1 : undefined;
  const at = [start, Math.min(valueEnd, lineEndAt(lines, start))] as const;
  return offset === undefined ? { kind: 'shell', text: value, offset: 0, exact: false, at } : { kind: 'shell', text: value, offset, exact: true, at };
}

/** A compose `command`/`entrypoint`: a list is a word list; a string is split into words as compose does (no shell). */
function composeWords(text: string, lines: LineIndex, node: YamlNode): { words: ShellWord[]; exact: boolean; at: readonly [number, number] } | undefined {
  if (isSeq(node)) {
    const words = node.items.filter(isScalar).map((item) => {
      const [start, end] = item.range!;
      return { value: String(item.value), start, end, quoted: true };
    });
    const [start, end] = node.range!;
    return { words, exact: true, at: [start, Math.min(end, lineEndAt(lines, start))] };
  }
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const entry = scalarEntry(text, lines, node);
  if (entry.kind !== 'shell') return undefined;
  const words = readShellScript(entry.text, { offset: entry.offset }).statements.flatMap((statement) => (statement.type === 'command' ? statement.command.words : []));
  return { words, exact: entry.exact, at: entry.at };
}

function isDevelopmentCompose(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return base.includes('.override.') || /(?:^|[.-])(?:dev|development|local|test|ci|debug)(?:[.-])/.test(base) || file.includes('.devcontainer/');
}

function isDevelopmentDockerfile(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return file.includes('.devcontainer/') || /^(?:dev|development|local|test)\.dockerfile$/.test(base) || /^dockerfile\.(?:dev|development|local|test)$/.test(base);
}

function composeSites(context: CheckContext, file: string): StartSite[] {
  const parsed = parseYaml(context, file);
  if (!parsed) return [];
  const { text, document } = parsed;
  const lines = lineIndexOf(context, file);
  const services = document.get('services', true);
  if (!isMap(services)) return [];
  const dir = directoryOf(file);
  const completedDependencies = new Set<string>();
  for (const service of services.items) {
    const dependsOn = isMap(service.value) ? service.value.get('depends_on', true) : undefined;
    if (!isMap(dependsOn)) continue;
    for (const dependency of dependsOn.items) {
      const condition = isMap(dependency.value) ? dependency.value.get('condition') : undefined;
      if (condition === 'service_completed_successfully' && isScalar(dependency.key)) completedDependencies.add(String(dependency.key.value));
    }
  }
  const sites: StartSite[] = [];
  for (const service of services.items) {
    const name = isScalar(service.key) ? String(service.key.value) : '';
    const spec = service.value;
    if (!isMap(spec)) continue;
    const build = buildOf(spec, dir);
    if (build && (isDevelopmentDockerfile(build.dockerfile) || (build.target !== undefined && DEVELOPMENT_STAGE.test(build.target)))) continue;
    if (bindsSource(spec, build?.context)) continue;
    const oneOff =
      ONE_OFF_PROCESS.has(name) || spec.has('profiles') || (String(spec.get('restart') ?? '') === 'no' && completedDependencies.has(name));
    const publishes = spec.has('ports');
    const role: ProcessRole = oneOff ? 'release' : publishes ? 'web' : roleOfProcess(name) === 'worker' && name !== 'worker' ? 'web' : roleOfProcess(name);
    const line = lines.lineOf(service.key && isScalar(service.key) ? service.key.range![0] : 0);
    const command = spec.get('command', true) as YamlNode | undefined;
    const entrypoint = spec.get('entrypoint', true) as YamlNode | undefined;
    const resolveInImage = (scriptPath: string, fromFile: string): string | undefined =>
      (build ? imageFile(context, build, scriptPath) : undefined) ?? relativeFile(context.repo, dir, scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath);
    const base = {
      process: name,
      role,
      roleFromCommand: !oneOff && !publishes,
      file,
      line,
      container: true,
      platformPort: false,
      unreferenced: false,
      groupSignals: false,
      resolve: resolveInImage,
      packageDir: build?.context ?? dir,
    };
    if (!command && !entrypoint) {
      if (!build) continue;
      const site = dockerfileSite(context, build.dockerfile, build.target, { process: name, role, roleFromCommand: base.roleFromCommand });
      if (site) sites.push(site);
      continue;
    }
    const entryWords = entrypoint ? composeWords(text, lines, entrypoint) : undefined;
    const commandWords = command ? composeWords(text, lines, command) : undefined;
    const imageEntrypoint = !entrypoint && build ? execEntrypoint(context, build) : undefined;
    const lead = entryWords ?? commandWords;
    if (!lead) continue;
    const words = [...(imageEntrypoint?.words ?? []), ...(entryWords?.words ?? []), ...(commandWords?.words ?? [])];
    sites.push({ ...base, groupSignals: imageEntrypoint?.groupSignals ?? false, entry: { kind: 'words', words, exact: lead.exact && !imageEntrypoint, at: lead.at } });
  }
  return sites;
}

interface ComposeBuild {
  context: string;
  dockerfile: string;
  target: string | undefined;
}

function buildOf(spec: YAMLMap, dir: string): ComposeBuild | undefined {
  const build = spec.get('build', true) as YamlNode | undefined;
  if (isScalar(build)) {
    const context = path.normalize(path.join(dir, String(build.value)));
    return { context: context === '.' ? '' : context, dockerfile: path.join(context, 'Dockerfile'), target: undefined };
  }
  if (!isMap(build)) return undefined;
  const context = path.normalize(path.join(dir, String(build.get('context') ?? '.')));
  const normalized = context === '.' ? '' : context;
  return { context: normalized, dockerfile: path.join(normalized, String(build.get('dockerfile') ?? 'Dockerfile')), target: build.has('target') ? String(build.get('target')).toLowerCase() : undefined };
}

/** A bind mount of the build context (or a folder of it) over the image's code: a development service (§3.4). */
function bindsSource(spec: YAMLMap, context: string | undefined): boolean {
  const volumes = spec.get('volumes', true);
  if (!isSeq(volumes)) return false;
  return volumes.items.some((item) => {
    const source = isScalar(item) ? String(item.value).split(':')[0]! : isMap(item) ? String(item.get('source') ?? '') : '';
    if (!source.startsWith('.')) return false;
    const normalized = path.normalize(source);
    return normalized === '.' || normalized === (context || '.') || !normalized.startsWith('..');
  });
}

function imageFile(context: CheckContext, build: ComposeBuild, scriptPath: string): string | undefined {
  const dockerfile = dockerfileFile(context, build.dockerfile);
  if (!dockerfile) return undefined;
  return repositoryFileFor(dockerfile, stagesFor(dockerfile, build.target), scriptPath);
}

function dockerfileFile(context: CheckContext, file: string): DockerfileFile | undefined {
  return context.perRun(`process-model:dockerfile:${file}`, () => {
    const text = context.repo.read(file);
    return text === undefined ? undefined : repositoryDockerfile(context.repo, file, text);
  });
}

/** The stages an untargeted (or `target`ed) build produces: a development last stage gives way to a production one. */
function stagesFor(dockerfile: DockerfileFile, target: string | undefined): readonly DockerStage[] {
  const stages = dockerStages(dockerfile);
  const upTo = (index: number) => stages.slice(0, index + 1);
  if (target !== undefined) {
    const index = stages.findIndex((stage) => stage.name === target);
    return index === -1 ? stages : upTo(index);
  }
  const last = stages.at(-1);
  if (last?.name && DEVELOPMENT_STAGE.test(last.name)) {
    const production = stages.findLastIndex((stage) => stage.name !== undefined && PRODUCTION_STAGE.test(stage.name));
    return production === -1 ? [] : upTo(production);
  }
  return stages;
}

function execEntrypoint(context: CheckContext, build: ComposeBuild): { words: ShellWord[]; groupSignals: boolean } | undefined {
  const dockerfile = dockerfileFile(context, build.dockerfile);
  if (!dockerfile) return undefined;
  const { entrypoint } = startInstructions(stagesFor(dockerfile, build.target));
  if (!entrypoint) return undefined;
  const { exec } = instructionCommands(dockerfile, entrypoint);
  if (!exec) return undefined;
  // The image's words are not in the compose file: keep their values, not their offsets.
  return { words: exec.map((word) => ({ ...word, start: 0, end: 0 })), groupSignals: signalsGroup(exec) };
}

/** `dumb-init` or `tini -g` in front: the whole process group gets SIGTERM. */
function signalsGroup(words: readonly ShellWord[]): boolean {
  const program = path.basename(words[0]?.value ?? '');
  if (program === 'dumb-init') return true;
  return (program === 'tini' || program === 'tini-static') && words.slice(1).some((word) => /^-[a-zA-Z]*g/.test(word.value));
}

function dockerfileSite(
  context: CheckContext,
  file: string,
  target: string | undefined,
  identity: { process: string; role: ProcessRole; roleFromCommand: boolean },
): StartSite | undefined {
  const dockerfile = dockerfileFile(context, file);
  if (!dockerfile) return undefined;
  let stages: readonly DockerStage[];
  try {
    stages = stagesFor(dockerfile, target);
  } catch {
    return undefined;
  }
  if (stages.length === 0) return undefined;
  const { entrypoint, cmd } = startInstructions(stages);
  const lead = entrypoint ?? cmd;
  if (!lead) return undefined;
  const leadCommands = instructionCommands(dockerfile, lead);
  const base = {
    ...identity,
    file,
    line: lead.getRange().start.line + 1,
    container: true,
    platformPort: false,
    unreferenced: false,
    groupSignals: leadCommands.exec ? signalsGroup(leadCommands.exec) : false,
    resolve: (scriptPath: string, fromFile: string) => repositoryFileFor(dockerfile, stages, scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath),
    packageDir: directoryOf(file),
  };
  const at = instructionLine(dockerfile, lineIndexOf(context, file), lead);
  if (!leadCommands.exec) return { ...base, entry: shellEntry(dockerfile, lead, at) };
  const words = [...leadCommands.exec];
  if (entrypoint && cmd) {
    const cmdCommands = instructionCommands(dockerfile, cmd);
    if (cmdCommands.exec) words.push(...cmdCommands.exec);
    else {
      const range = cmd.getArgumentsRange();
      if (range) {
        const start = offsetOf(dockerfile, range.start);
        const value = dockerfile.text.slice(start, offsetOf(dockerfile, range.end));
        words.push({ value: '/bin/sh', start, end: start, quoted: true }, { value: '-c', start, end: start, quoted: true }, { value, start, end: start + value.length, quoted: false });
      }
    }
  }
  return { ...base, entry: { kind: 'words', words, exact: true, at } };
}

function shellEntry(dockerfile: DockerfileFile, instruction: Instruction, at: readonly [number, number]): SiteEntryText {
  const range = instruction.getArgumentsRange();
  if (!range) return { kind: 'shell', text: '', offset: 0, exact: false, at };
  const start = offsetOf(dockerfile, range.start);
  const end = offsetOf(dockerfile, range.end);
  return { kind: 'shell', text: dockerfile.text.slice(start, end), offset: start, exact: true, at, escape: dockerfile.dockerfile().getEscapeCharacter() };
}

function instructionLine(dockerfile: DockerfileFile, lines: LineIndex, instruction: Instruction): readonly [number, number] {
  const start = offsetOf(dockerfile, instruction.getRange().start);
  return [start, Math.min(offsetOf(dockerfile, instruction.getRange().end), lineEndAt(lines, start))];
}

/**
 * The containers of Kubernetes workloads that name their command (RULES-commands.md §2.6): main
 * containers of long-running workloads run web or worker processes, Jobs, CronJobs and hooks
 * one-offs, and init containers run at every pod start, where findings are notices. A container
 * without `command` runs its image's command, judged by the Dockerfile when the image is built
 * here; with `args` only, the image's entrypoint is unknown, so PID 1 is not judged.
 */
function kubernetesSites(context: CheckContext, file: string): StartSite[] {
  const text = context.repo.read(file);
  if (text === undefined || !text.includes('containers')) return [];
  const manifest = sharedManifest(context, file, text);
  const lines = lineIndexOf(context, file);
  const sites: StartSite[] = [];
  for (const container of workloadContainers(manifest)) {
    const lead = container.command ?? container.args;
    if (!lead || container.command?.templated || container.args?.templated) continue;
    const words = [...(container.command?.words ?? []), ...(container.args?.words ?? [])].map((word) => shellWordOf(text, word));
    if (words.length === 0) continue;
    const oneOff = !container.longRunning || container.hook !== undefined;
    const init = container.init && !container.sidecar;
    const name = container.workloadName ?? container.containerName ?? container.workloadKind;
    sites.push({
      process: `${container.workloadKind} ${name}`,
      role: oneOff ? 'release' : 'web',
      roleFromCommand: !oneOff,
      file,
      line: lead.line,
      container: !oneOff && !init && container.command !== undefined,
      platformPort: false,
      unreferenced: false,
      groupSignals: signalsGroup(words),
      entry: { kind: 'words', words, exact: true, at: [words[0]!.start, lineEndAt(lines, words[0]!.start)] },
      resolve: (scriptPath, fromFile) => relativeFile(context.repo, '', scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath),
      packageDir: '',
      ...(init ? { initContainer: true } : {}),
    });
  }
  return sites;
}

/**
 * A `command`/`args` item as a shell word: a literal block (`- |`) is read from the file itself,
 * indentation and all (harmless to a shell), so every command inside keeps its own line; a Helm
 * action becomes a variable of the same length, whose value is unknown.
 */
function shellWordOf(text: string, word: CommandWord): ShellWord {
  const unknown = (value: string) => value.replace(/\{\{.*?\}\}/gs, (action) => `$${'_'.repeat(action.length - 1)}`);
  if (word.lineStarts.length > 1) {
    const start = word.lineStarts[0]!;
    return { value: unknown(text.slice(start, word.end)), start, end: word.end, quoted: false };
  }
  return { value: word.templated ? unknown(word.value) : word.value, start: word.start, end: word.end, quoted: word.quoted };
}

/** `npm start` when nothing else starts the app (§2.5): platforms run it by default. */
function packageStartSites(context: CheckContext, file: string): StartSite[] {
  const manifest = nearestPackageManifest(context, directoryOf(file));
  if (!manifest || manifest.path !== file || manifest.scripts.start === undefined) return [];
  const lines = lineIndexOf(context, file);
  const key = manifest.scriptRanges.get('start')?.[0] ?? 0;
  const at = [key, lineEndAt(lines, key)] as const;
  return [
    {
      process: 'web',
      role: 'web',
      roleFromCommand: false,
      file,
      line: lines.lineOf(at[0]),
      container: false,
      platformPort: false,
      unreferenced: false,
      groupSignals: false,
      entry: { kind: 'shell', text: 'npm start', offset: 0, exact: false, at },
      resolve: (scriptPath, fromFile) => relativeFile(context.repo, manifest.dir, scriptPath) ?? relativeFile(context.repo, directoryOf(fromFile), scriptPath),
      packageDir: manifest.dir,
    },
  ];
}

/** A repository file's lines, indexed once per run (sites and the walk share it). */
export function lineIndexOf(context: CheckContext, file: string): LineIndex {
  return context.perRun(`process-model:lines:${file}`, () => new LineIndex(context.repo.read(file) ?? ''));
}

/** The offset where the line holding `offset` ends: a finding on a one-line command stays on that line. */
function lineEndAt(lines: LineIndex, offset: number): number {
  return lines.endOf(lines.lineOf(offset));
}

/** A script path relative to a directory, when it names a repository file. */
export function relativeFile(repo: CheckContext['repo'], dir: string, scriptPath: string): string | undefined {
  if (scriptPath.startsWith('/')) return undefined;
  const candidate = path.normalize(path.join(dir, scriptPath));
  return candidate.startsWith('..') || !repo.has(candidate) ? undefined : candidate;
}

