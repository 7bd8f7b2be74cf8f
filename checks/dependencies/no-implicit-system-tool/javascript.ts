import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { shellInvocations } from '../../../src/languages/javascript/shell-invocations.ts';
import { isProvidedByDeclaredPackage } from '../../support/declared-packages.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import { isCommandLineTool, systemTool, toolList } from './system-tools.ts';

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (isToolingPath(context.path)) return;
    const severity = isCommandLineTool(context.path) ? 'notice' : undefined;
    for (const invocation of shellInvocations(context)) {
      const tools = new Set<string>();
      for (const words of invocation.commands) {
        const tool = systemTool(words[0]!);
        if (tool && !isProvidedByDeclaredPackage(context, tool)) tools.add(tool);
      }
      if (tools.size === 0) continue;
      const data = { tools: toolList(tools) };
      context.report(severity ? { node: invocation.node, messageId: 'tool', data, severity } : { node: invocation.node, messageId: 'tool', data });
    }
  },
});
