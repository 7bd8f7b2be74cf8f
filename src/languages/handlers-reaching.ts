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
export interface ModuleCallGraph {
  /** Modules of the repository importing `target`, in path order. */
  importersOf(target: string): readonly string[];
  /** What `importer` calls of `target`'s exports `keys`; undefined when it cannot be read. */
  callsInto(importer: string, target: string, keys: ReadonlySet<string>): ImporterCalls | undefined;
}

/**
 * For each of `keys` — exports of the module `origin` — the first request handler of another
 * module that calls it, directly or through the exports of modules in between, at most
 * MAX_MODULE_HOPS modules away. The search runs backwards from `origin` through its importers,
 * so only modules that import something on the way are read.
 */
export function handlersReaching(graph: ModuleCallGraph, origin: string, keys: ReadonlySet<string>): ReadonlyMap<string, HandlerCall> {
  const found = new Map<string, HandlerCall>();
  // Each frontier entry: a module, and for each of its exports searched for, the origin export it leads to.
  let frontier: { path: string; keys: ReadonlyMap<string, string> }[] = [{ path: origin, keys: new Map([...keys].map((key) => [key, key])) }];
  const visited = new Set<string>([origin]);
  for (let hop = 0; hop < MAX_MODULE_HOPS && frontier.length > 0 && found.size < keys.size; hop++) {
    const next: typeof frontier = [];
    for (const target of frontier) {
      for (const importer of graph.importersOf(target.path)) {
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
