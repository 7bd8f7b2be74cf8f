import path from 'node:path/posix';
import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../define-check.ts';
import { inLocalRunBlock, type PythonModule } from '../../src/languages/python/module.ts';
import { processModel } from './process-model/index.ts';
import { basename, type ShellWord } from '../../src/languages/shell/commands.ts';

/**
 * How the repository starts its Python code, read from every start site that names a command:
 * Procfiles, Dockerfile CMD/ENTRYPOINT, compose `command`/`entrypoint` and shell scripts. A
 * module is *served* when a server loads it (`gunicorn app:app`, `uvicorn pkg.main:app`,
 * `"pkg:create_app()"`), *run directly* by `python app.py` or `python -m pkg.main`.
 */
export interface PythonEntryPoints {
  /** True when the repository has any start command at all. */
  readonly hasCommands: boolean;
  /** Module paths (`app`, `pkg/main`) that servers load. */
  readonly served: ReadonlySet<string>;
  /** Module paths run as programs. */
  readonly runDirectly: ReadonlySet<string>;
  /** Programs that start processes: `gunicorn`, `uvicorn`, `celery`, `rq`… */
  readonly programs: ReadonlySet<string>;
}

/** Python servers that load a `module:attribute` target (and drain on SIGTERM). */
export const PYTHON_SERVERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'granian']);
/** Worker programs that drain on SIGTERM by themselves. */
export const PYTHON_WORKERS = new Set(['celery', 'rq', 'dramatiq', 'huey_consumer', 'arq']);

/** The repository's Python entry points, computed once per run. */
export function pythonEntryPoints(context: CheckContext): PythonEntryPoints {
  return context.perRun('python:entry-points', () => {
    const served = new Set<string>();
    const runDirectly = new Set<string>();
    const programs = new Set<string>();
    let hasCommands = false;
    for (const words of startCommands(context)) {
      hasCommands = true;
      readCommand(words.map((word) => word.value), { served, runDirectly, programs });
    }
    return { hasCommands, served, runDirectly, programs };
  });
}

/** True when a server loads the module at `filePath`. */
export function isServedModule(entryPoints: PythonEntryPoints, filePath: string): boolean {
  return matchesModule(entryPoints.served, filePath);
}

/** True when a start command runs the module at `filePath` as a program. */
export function isRunDirectly(entryPoints: PythonEntryPoints, filePath: string): boolean {
  return matchesModule(entryPoints.runDirectly, filePath);
}

/**
 * Code of a local-run block: `if __name__ == "__main__":` in a module that no start command
 * runs directly (RULES-python.md, "Reading Python"): a developer's shortcut, not production.
 */
export function isLocalRunCode(context: CheckContext, filePath: string, module: PythonModule, node: Node): boolean {
  return inLocalRunBlock(module, node) && !isRunDirectly(pythonEntryPoints(context), filePath);
}

/** `src/app.py` matches module path `app` or `src/app`; `pkg/__init__.py` matches `pkg`. */
function matchesModule(modules: ReadonlySet<string>, filePath: string): boolean {
  const stem = filePath.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/\/__main__$/, '');
  for (const module of modules) {
    if (stem === module || stem.endsWith(`/${module}`)) return true;
  }
  return false;
}

interface Collected {
  served: Set<string>;
  runDirectly: Set<string>;
  programs: Set<string>;
}

function readCommand(words: readonly string[], collected: Collected): void {
  let [program, ...rest] = words;
  if (!program) return;
  program = basename(program);
  // `python -m gunicorn app:app` is gunicorn.
  if (/^python[\d.]*$/.test(program) && rest[0] === '-m' && rest[1] && (PYTHON_SERVERS.has(rest[1]) || PYTHON_WORKERS.has(rest[1]))) {
    program = rest[1];
    rest = rest.slice(2);
  }
  collected.programs.add(program);
  if (PYTHON_SERVERS.has(program)) {
    const target = rest.find((word) => !word.startsWith('-') && /^[\w.]+:[\w.()'", ]+$/.test(word));
    if (target) collected.served.add(target.split(':')[0]!.replace(/\./g, '/'));
    return;
  }
  if (/^python[\d.]*$/.test(program)) {
    const moduleIndex = rest.indexOf('-m');
    if (moduleIndex !== -1 && rest[moduleIndex + 1]) {
      collected.runDirectly.add(rest[moduleIndex + 1]!.replace(/\./g, '/'));
      return;
    }
    const script = rest.find((word) => !word.startsWith('-'));
    if (script?.endsWith('.py')) collected.runDirectly.add(path.normalize(script).replace(/^\.\//, '').replace(/\.py$/, ''));
  }
}

/** Every command on the repository's start paths, as word lists (wrappers such as `exec` stripped). */
function startCommands(context: CheckContext): ShellWord[][] {
  return processModel(context).paths.flatMap((startPath) => startPath.commands.map((command) => command.words));
}
