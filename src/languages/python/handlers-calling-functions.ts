import type { Node } from 'web-tree-sitter';
import type { CheckContext } from '../../../checks/define-check.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../engine/file-kind.ts';
import { handlersReaching, type HandlerCall, type ImporterCalls, type ModuleCallGraph } from '../handlers-reaching.ts';
import { calledFunctions } from './called-functions.ts';
import { moduleRequestHandlers, requestHandlers } from './handlers.ts';
import { moduleFunctions } from './module-functions.ts';
import { nodesOfType, pythonModule, repositoryModule, type PythonModule } from './module.ts';
import { nameInModule, repositoryImports } from './repository-imports.ts';
import { dottedName } from './syntax.ts';

/**
 * For each of `keys` — functions of the module under review, named as `moduleFunctions` names
 * them — the first request handler of another module that calls it: `store.put(k, v)` after
 * `from app import store`, `put(k, v)` after `from .store import put`, or through functions of
 * the modules in between (bounded). Test modules are not searched.
 */
export function handlersCallingFunctions(context: CheckContext, keys: ReadonlySet<string>): ReadonlyMap<string, HandlerCall> {
  return handlersReaching(context, moduleCallGraph(context), keys);
}

function moduleOf(context: CheckContext, filePath: string): PythonModule | undefined {
  return filePath === context.path ? pythonModule(context) : repositoryModule(context, filePath);
}

/** The repository's modules, linked by the imports `repositoryImports` resolves. */
function moduleCallGraph(context: CheckContext): ModuleCallGraph {
  return {
    language: 'python',
    isApplicationModule: (filePath) => fileKindOf(filePath) === 'python' && !isTestPath(filePath) && defaultSkipReason(filePath) === undefined,
    packageFile: '__init__',
    imports(importer, target) {
      const module = moduleOf(context, importer);
      return module !== undefined && repositoryImports(context, importer, module).some((binding) => binding.file === target);
    },
    callsInto: (importer, target, keys) => callsInto(context, importer, target, keys),
  };
}

function callsInto(context: CheckContext, importer: string, target: string, keys: ReadonlySet<string>): ImporterCalls | undefined {
  const module = moduleOf(context, importer);
  if (!module) return undefined;
  const imports = repositoryImports(context, importer, module).filter((binding) => binding.file === target);
  const calls: { call: Node; key: string }[] = [];
  for (const call of module.calls) {
    const callee = dottedName(call.childForFieldName('function'));
    const key = callee === undefined ? undefined : nameInModule(imports, target, callee);
    if (key !== undefined && keys.has(key)) calls.push({ call, key });
  }
  if (calls.length === 0) return { handlerCalls: [], exportedCallers: new Map() };
  const callsWithin = (fn: Node) => calls.filter(({ call }) => fn.startIndex <= call.startIndex && call.endIndex <= fn.endIndex);

  const handlerCalls: { key: string; line: number }[] = [];
  const handlers = importer === context.path ? requestHandlers(context) : context.perRun(`python:handlers:${importer}`, () => moduleRequestHandlers(module));
  for (const definition of nodesOfType(module, 'function_definition')) {
    if (!handlers.has(definition.id)) continue;
    for (const fn of calledFunctions(module, definition)) {
      for (const { call, key } of callsWithin(fn)) handlerCalls.push({ key, line: call.startPosition.row + 1 });
    }
  }
  const exportedCallers = new Map<string, string>();
  for (const [name, fn] of moduleFunctions(module)) {
    const [first] = calledFunctions(module, fn).flatMap(callsWithin);
    if (first) exportedCallers.set(name, first.key);
  }
  return { handlerCalls: handlerCalls.sort((a, b) => a.line - b.line), exportedCallers };
}
