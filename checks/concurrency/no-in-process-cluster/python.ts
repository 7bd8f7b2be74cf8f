import type { Node } from 'web-tree-sitter';
import { defineDetector } from '../../define-check.ts';
import { forkBranches } from '../../../src/languages/python/fork-branches.ts';
import { functionNamed } from '../../../src/languages/python/function-named.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { servingSites, type ServingSite } from '../../../src/languages/python/serving-sites.ts';
import { calleeName, dottedName, enclosingFunction, keywordArgument, lastPart, qualifiedName } from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

const LOOPS = new Set(['for_statement', 'while_statement', 'list_comprehension', 'generator_expression', 'set_comprehension']);
/** Methods that serve or consume when passed as a process target (`target=server.serve_forever`). */
const SERVING_METHODS = new Set(['serve_forever', 'start_consuming', 'work', 'worker_main']);
/** How many calls deep a target is followed into the module's own functions. */
const MAX_DEPTH = 2;

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    const module = pythonModule(context);
    if (!module.calls.some((call) => /Process$|^os\.fork$/.test(calleeName(module, call) ?? ''))) return;
    const sites = servingSites(module);
    for (const call of module.calls) {
      if (!inLoop(call)) continue;
      const callee = calleeName(module, call);
      if (callee === 'multiprocessing.Process' || callee === 'multiprocessing.context.Process') {
        const target = keywordArgument(call, 'target');
        if (target && serves(module, sites, target, 0)) report(call);
      } else if (callee === 'os.fork') {
        const child = forkBranches(call)?.child;
        if (child && blockServes(module, sites, child, 0)) report(call);
      }
    }

    function report(call: Node): void {
      context.report({ range: [call.startIndex, call.endIndex], messageId: 'processLoop', data: { call: `${call.childForFieldName('function')!.text}()` } });
    }
  },
});

/** The call sits in a loop of its own function: one process per iteration. */
function inLoop(call: Node): boolean {
  const scope = enclosingFunction(call);
  for (let node = call.parent; node && node.id !== scope?.id; node = node.parent) if (LOOPS.has(node.type)) return true;
  return false;
}

/** A process target that serves or consumes: `server.serve_forever`, `uvicorn.run`, or a module function doing so. */
function serves(module: PythonModule, sites: readonly ServingSite[], target: Node, depth: number): boolean {
  const name = dottedName(target);
  if (name === undefined) return false;
  if (name.includes('.')) return SERVING_METHODS.has(lastPart(name)!) || qualifiedName(module, target) === 'uvicorn.run';
  const definition = functionNamed(module, name);
  return definition !== undefined && blockServes(module, sites, definition, depth);
}

/** The block starts a server or consumer, itself or through the module's functions it calls. */
function blockServes(module: PythonModule, sites: readonly ServingSite[], block: Node, depth: number): boolean {
  if (sites.some((site) => block.startIndex <= site.node.startIndex && site.node.endIndex <= block.endIndex)) return true;
  if (depth >= MAX_DEPTH) return false;
  return module.calls.some((call) => {
    if (call.startIndex < block.startIndex || call.endIndex > block.endIndex) return false;
    const name = dottedName(call.childForFieldName('function'));
    const definition = name && !name.includes('.') ? functionNamed(module, name) : undefined;
    return definition !== undefined && definition.id !== block.id && blockServes(module, sites, definition, depth + 1);
  });
}
