import path from 'node:path/posix';
import type { CheckContext } from '../../checks/define-check.ts';

/** How many modules away from the file under review a calling handler may sit. */
const MAX_MODULE_HOPS = 3;

/** A request handler of another module that reaches an export of the file under review by calls. */
export interface HandlerCall {
  /** The handler's file. */
  path: string;
  /** The line of the call that leads, perhaps through further modules, to the export. */
  line: number;
}

/** What one language reads of a module importing another: which of its code calls into the imported exports. */
export interface ImporterCalls {
  /** Calls from request handlers (or the functions of the module they call), with the export each calls. */
  handlerCalls: readonly { key: string; line: number }[];
  /** The importer's own exports whose code calls into the import: importer's export key → the import's key. */
  exportedCallers: ReadonlyMap<string, string>;
}

/** A language's view of the repository's modules: who imports a module, and what an importer calls. */
export interface ModuleCallGraph extends ImporterSearch {
  /** What `importer` calls of `target`'s exports `keys`; undefined when it cannot be read. */
  callsInto(importer: string, target: string, keys: ReadonlySet<string>): ImporterCalls | undefined;
}

/**
 * For each of `keys` — exports of the file under review — the first request handler of another
 * module that calls it, directly or through the exports of modules in between, at most
 * MAX_MODULE_HOPS modules away. The search runs backwards from the file through its importers,
 * so only modules that import something on the way are read.
 */
export function handlersReaching(context: CheckContext, graph: ModuleCallGraph, keys: ReadonlySet<string>): ReadonlyMap<string, HandlerCall> {
  const found = new Map<string, HandlerCall>();
  if (keys.size === 0) return found;
  const origin = context.path;
  // Each frontier entry: a module, and for each of its exports searched for, the origin export it leads to.
  let frontier: { path: string; keys: ReadonlyMap<string, string> }[] = [{ path: origin, keys: new Map([...keys].map((key) => [key, key])) }];
  const visited = new Set<string>([origin]);
  for (let hop = 0; hop < MAX_MODULE_HOPS && frontier.length > 0 && found.size < keys.size; hop++) {
    const next: typeof frontier = [];
    for (const target of frontier) {
      for (const importer of importersOf(context, graph, target.path)) {
        if (importer === origin) continue;
        const calls = graph.callsInto(importer, target.path, new Set(target.keys.keys()));
        if (!calls) continue;
        for (const { key, line } of calls.handlerCalls) {
          const originKey = target.keys.get(key);
          if (originKey !== undefined && !found.has(originKey)) found.set(originKey, { path: importer, line });
        }
        if (visited.has(importer) || calls.exportedCallers.size === 0) continue;
        visited.add(importer);
        const forwarded = new Map<string, string>();
        for (const [exportKey, key] of calls.exportedCallers) {
          const originKey = target.keys.get(key);
          if (originKey !== undefined) forwarded.set(exportKey, originKey);
        }
        next.push({ path: importer, keys: forwarded });
      }
    }
    frontier = next;
  }
  return found;
}

/** How one language recognises its modules and their imports. */
export interface ImporterSearch {
  /** Names the per-run memo: `js`, `python`. */
  language: string;
  /** A module of the application in that language (not a test, not tooling). */
  isApplicationModule(filePath: string): boolean;
  /** The file name that stands for its directory: `index`, `__init__`. */
  packageFile: string;
  /** True when `importer` imports `target`; asked only of files whose text names the target. */
  imports(importer: string, target: string): boolean;
}

/**
 * The application modules importing `target`, in path order, memoised per run. Most files never
 * name the module, so a text test for the name an import of it must contain (`store` of
 * `src/store.ts` and of `src/store/index.ts`) comes before any parsing.
 */
export function importersOf(context: CheckContext, search: ImporterSearch, target: string): readonly string[] {
  return context.perRun(`${search.language}:importers:${target}`, () => {
    const base = path.basename(target).replace(/\.[^.]+$/, '');
    const stem = base === search.packageFile ? path.basename(path.dirname(target)) : base;
    return applicationModules(context, search)
      .filter((module) => module.path !== target && module.text.includes(stem) && search.imports(module.path, target))
      .map((module) => module.path);
  });
}

/**
 * The language's application modules with their text, read once per run: every search for
 * importers tests them all, and reading each from disk again per search would cost more than
 * the search.
 */
function applicationModules(context: CheckContext, search: ImporterSearch): readonly { path: string; text: string }[] {
  return context.perRun(`${search.language}:application-modules`, () => {
    const paths = context.repo.has(context.path) ? context.repo.paths() : [...context.repo.paths(), context.path].sort();
    const modules: { path: string; text: string }[] = [];
    for (const filePath of paths) {
      if (!search.isApplicationModule(filePath)) continue;
      const text = filePath === context.path ? context.text : context.repo.read(filePath);
      if (text !== undefined) modules.push({ path: filePath, text });
    }
    return modules;
  });
}

/**
 * For each item of the groups (the collections each export writes), the earliest handler call —
 * by file, then line — reaching an export of its group, with that export's key.
 */
export function earliestCallerOfEach(groups: ReadonlyMap<string, Iterable<string>>, callers: ReadonlyMap<string, HandlerCall>): Map<string, { key: string; caller: HandlerCall }> {
  const earliest = new Map<string, { key: string; caller: HandlerCall }>();
  const ordered = [...callers].sort(([, a], [, b]) => a.path.localeCompare(b.path) || a.line - b.line);
  for (const [key, caller] of ordered) {
    for (const item of groups.get(key) ?? []) if (!earliest.has(item)) earliest.set(item, { key, caller });
  }
  return earliest;
}
