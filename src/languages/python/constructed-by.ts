import type { Node } from 'web-tree-sitter';
import { boundValue } from './bound-value.ts';
import type { PythonModule } from './module.ts';
import { calleeName } from './syntax.ts';

/** What a name was constructed by: `scheduler = BlockingScheduler()` → its qualified name. */
export function constructedBy(module: PythonModule, node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const value = node.type === 'call' ? node : boundValue(module, node);
  return value?.type === 'call' ? calleeName(module, value) : undefined;
}
