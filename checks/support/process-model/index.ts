import path from 'node:path/posix';
import type { CheckContext } from '../../define-check.ts';
import { fileKindOf, hasStartScriptName, isTestPath } from '../../../src/engine/file-kind.ts';
import { readUnlessUnreadable } from '../../../src/engine/repository.ts';
import { nearestPackageManifest } from '../package-scripts.ts';
import { isDevelopmentPath, lineIndexOf, readSites, relativeFile, type StartSite } from './sites.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { buildKind, detaches, isInert, isMigration, longRunningKind } from './programs.ts';
import { SiteWalk, type Hop, type PathCommand, type ProcessRole } from './walk.ts';

export type { Hop, PathCommand, ProcessRole } from './walk.ts';

/*
 * The repository's process model (DESIGN.md "Start commands", RULES-commands.md): each process
 * the platform runs, the start site that names it, and every command on its start path, computed
 * once per run from every start site and the scripts they run. Rules read this fact; they never
 * re-derive it.
 */

/** One process type and the commands that start it. */
export interface StartPath {
  /** `web`, `worker`, a compose service's name, `image` for a Dockerfile's own command. */
  process: string;
  role: ProcessRole;
  /** Where the process is named: "Dockerfile line 11", "Procfile line 1". */
  site: Hop;
  /** A container runtime runs it, so only PID 1 gets SIGTERM (Dockerfile, compose, Kubernetes). */
  container: boolean;
  /** The platform assigns the port through `PORT` (Procfile `web:`, heroku.yml `run.web`). */
  platformPort: boolean;
  /** A start script no start site names (RULES-commands.md §2.8). */
  unreferenced: boolean;
  /** PID 1 is `dumb-init` or `tini -g`, which signal the whole process group. */
  groupSignals: boolean;
  /** A Kubernetes init container: it runs at every pod start, apart from the serving process. */
  initContainer: boolean;
  /** The path traps TERM and forwards it to its child. */
  trapsTerm: boolean;
  commands: PathCommand[];
  /** The main process of each dispatch branch (§4.2). */
  mains: PathCommand[];
}

export interface ProcessModel {
  paths: StartPath[];
}

/** A command on a start path, with the path it was reached on (the first, when several reach it). */
export interface LocatedCommand {
  path: StartPath;
  command: PathCommand;
}

/** The repository's process model, computed once per run. */
export function processModel(context: CheckContext): ProcessModel {
  return context.perRun('process-model', () => buildModel(context));
}

/**
 * The commands of start paths whose text sits in `file`, each location once: the first path that
 * reaches it, or the first long-running one when a one-off path reached it first (§3: a script
 * run by both a release and a web process runs at every web start).
 */
export function commandsIn(context: CheckContext, file: string): LocatedCommand[] {
  const byFile = context.perRun('process-model:by-file', () => {
    const index = new Map<string, LocatedCommand[]>();
    const seen = new Map<string, LocatedCommand>();
    for (const startPath of processModel(context).paths) {
      for (const command of startPath.commands) {
        const key = `${command.file}:${command.at[0]}:${command.at[1]}:${command.words.map((word) => word.start).join(',')}`;
        const first = seen.get(key);
        if (first) {
          if (!isLongRunning(first.command.role) && isLongRunning(command.role)) Object.assign(first, { path: startPath, command });
          continue;
        }
        const located = { path: startPath, command };
        seen.set(key, located);
        const list = index.get(command.file) ?? [];
        list.push(located);
        index.set(command.file, list);
      }
    }
    return index;
  });
  return byFile.get(file) ?? [];
}

/** True for the roles that run all the time and scale: web, worker, clock. */
export function isLongRunning(role: ProcessRole): boolean {
  return role !== 'release';
}

/** "Dockerfile line 11 → docker-entrypoint.sh line 12"; a hop repeating the one before (`npm start` as package.json's own site) is named once. */
export function describeChain(chain: readonly Hop[]): string {
  const hops = chain.filter((hop, index) => index === 0 || hop.file !== chain[index - 1]!.file || hop.line !== chain[index - 1]!.line);
  return hops.map((hop) => `${hop.file} line ${hop.line}`).join(' → ');
}

/** "the web process", "the worker process", "the `api` service". */
export function describeProcess(startPath: StartPath, command: PathCommand): string {
  if (command.branch !== '' || startPath.process === 'image') return `the ${command.role} process`;
  return startPath.process === command.role ? `the ${command.role} process` : `the ${command.role} process \`${startPath.process}\``;
}

/** Whether a command's ancestors (the `npm run x` or script that led to it) satisfy `test`: report at the naming line only. */
export function reachedThrough(command: PathCommand, test: (ancestor: PathCommand) => boolean): boolean {
  for (let ancestor = command.parent; ancestor; ancestor = ancestor.parent) if (test(ancestor)) return true;
  return false;
}

/**
 * True when `command` passes `test`, or is a package script run by name (`npm run db:up`) whose
 * body does nothing else: the line naming the script is where a finding belongs. A script that
 * also starts the server (`"start": "npm run migrate && node …"`) is judged command by command.
 */
export function runsOrLeadsTo(startPath: StartPath, command: PathCommand, test: (command: PathCommand) => boolean): boolean {
  if (test(command)) return true;
  if (command.run === undefined) return false;
  const body = startPath.commands.filter((other) => other.parent === command && !isInert(other.words));
  return body.length > 0 && body.every((other) => runsOrLeadsTo(startPath, other, test));
}

function buildModel(context: CheckContext): ProcessModel {
  const repo = context.repo;
  const { production, development } = readSites(context);
  const paths: StartPath[] = [];
  const reached = new Set<string>();
  for (const site of production) {
    const startPath = walkSite(context, site);
    for (const command of startPath.commands) reached.add(command.file);
    if (site.roleFromCommand) settleRole(startPath);
    paths.push(startPath);
  }
  for (const site of development) for (const command of walkSite(context, site).commands) reached.add(command.file);
  for (const file of unreferencedStartScripts(context, reached)) {
    const text = context.repo.read(file);
    if (text === undefined) continue;
    const startPath = walkSite(context, {
      process: 'start script',
      role: 'web',
      roleFromCommand: true,
      file,
      line: 1,
      container: false,
      platformPort: false,
      unreferenced: true,
      groupSignals: false,
      entry: { kind: 'shell', text, offset: 0, exact: true, at: [0, 0] },
      resolve: (scriptPath, fromFile) => relativeFile(repo, path.dirname(fromFile), scriptPath),
      packageDir: directoryOf(file),
    });
    const main = startPath.mains.find((command) => command.branch === '');
    if (!main || main.handover || longRunningKind(main.words, main.run) === undefined) continue;
    settleRole(startPath);
    paths.push(startPath);
  }
  return { paths };
}

function walkSite(context: CheckContext, site: StartSite): StartPath {
  const walk = new SiteWalk({
    file: site.file,
    role: site.role,
    container: site.container,
    resolve: site.resolve,
    packageDir: site.packageDir,
    repo: context.repo,
    packageManifest: (dir) => nearestPackageManifest(context, dir),
    lineIndex: (file) => lineIndexOf(context, file),
  });
  const chain: Hop[] = [];
  if (site.entry.kind === 'words') walk.words(site.entry, chain);
  else walk.shell(site.entry, chain);
  const commands = walk.commands;
  return {
    process: site.process,
    role: site.role,
    site: { file: site.file, line: site.line },
    container: site.container,
    platformPort: site.platformPort,
    unreferenced: site.unreferenced,
    groupSignals: site.groupSignals,
    initContainer: site.initContainer === true,
    trapsTerm: walk.trapsTerm,
    commands,
    mains: mainProcesses(commands),
  };
}

/**
 * The main process of each dispatch branch: the foreground command that is a known long-running
 * process or `"$@"`; else the last command that is not a one-off tool (§4.2).
 */
function mainProcesses(commands: readonly PathCommand[]): PathCommand[] {
  const dispatched = new Set(commands.map((command) => command.branch).filter((branch) => branch !== ''));
  const branches = dispatched.size > 0 ? dispatched : new Set(['']);
  // A script run, `npm run x` or function call is not the process: what it leads to is.
  const leads = new Set(commands.map((command) => command.parent));
  const mains: PathCommand[] = [];
  for (const branch of branches) {
    const onPath = commands.filter((command) => (command.branch === '' || command.branch === branch) && !command.background && !detaches(command.words) && !leads.has(command) && !command.run);
    // The process that stays: an `exec`'d one replaces the shell; else the last server started in the foreground (one-off scripts before it exit).
    const candidates = onPath.filter((command) => command.handover || (longRunningKind(command.words) !== undefined && !isMigration(command.words)));
    const known = candidates.find((command) => command.exec) ?? candidates.at(-1);
    const main =
      known ??
      onPath.findLast((command) => !isInert(command.words) && !isMigration(command.words) && buildKind(command.words) === undefined && !command.parent?.handover);
    if (main && !mains.includes(main)) mains.push(main);
  }
  return mains;
}

/** An image or compose service's role follows what its main process is: a server, a worker, a scheduler, or a migration. */
function settleRole(startPath: StartPath): void {
  const main = startPath.mains.find((command) => command.branch === '') ?? startPath.mains[0];
  const kind = main ? longRunningKind(main.words) : undefined;
  const worthwhile = startPath.commands.filter((command) => !isInert(command.words) && !command.run);
  const role: ProcessRole =
    kind === 'worker' ? 'worker' : kind === 'scheduler' ? 'clock' : kind === undefined && worthwhile.length > 0 && worthwhile.every((command) => isMigration(command.words)) ? 'release' : startPath.role;
  if (role === startPath.role) return;
  for (const command of startPath.commands) if (command.role === startPath.role && command.branch === '') command.role = role;
  startPath.role = role;
}


/** Start scripts no start site reaches (§2.8): a start name, not under a development or tooling path. */
function unreferencedStartScripts(context: CheckContext, reached: ReadonlySet<string>): string[] {
  const scripts: string[] = [];
  for (const file of context.repo.paths()) {
    if (reached.has(file) || !hasStartScriptName(file) || isDevelopmentPath(file) || isTestPath(file)) continue;
    // Only probing for a shebang: an unreadable extension-less file is not taken for a script.
    if (fileKindOf(file) !== 'shell' && (path.extname(file) !== '' || fileKindOf(file, readUnlessUnreadable(context.repo, file)) !== 'shell')) continue;
    scripts.push(file);
  }
  return scripts;
}
