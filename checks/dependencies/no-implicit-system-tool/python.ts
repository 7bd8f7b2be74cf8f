import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { processCalls } from '../../../src/languages/python/process-calls.ts';
import { isProvidedByDeclaredPackage } from '../../support/declared-packages.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import { isCommandLineTool, systemTool, toolList } from './system-tools.ts';

/**
 * Programs a Python app may run without declaring them: the interpreter itself, and pip and git,
 * whose run-time use is build-release-run/no-runtime-code-update's business (RULES-python.md).
 */
const NOT_SYSTEM_TOOLS = /^(?:python[\d.]*|pip[\d.]*|git)$/;
export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (isToolingPath(context.path)) return;
    const severity = isCommandLineTool(context.path) ? ({ severity: 'notice' } as const) : {};
    for (const process of processCalls(context)) {
      const tools = new Set<string>();
      for (const words of process.commands) {
        const tool = systemTool(words[0]!);
        if (tool && !NOT_SYSTEM_TOOLS.test(tool) && !isProvidedByDeclaredPackage(context, tool)) tools.add(tool);
      }
      if (tools.size === 0) continue;
      context.report({ range: [process.call.startIndex, process.call.endIndex], messageId: 'tool', data: { tools: toolList(tools) }, ...severity });
    }
  },
});
