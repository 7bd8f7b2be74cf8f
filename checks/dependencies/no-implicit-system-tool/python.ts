import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { processCalls } from '../../../src/languages/python/process-calls.ts';
import { normalizePackageName } from '../../../src/languages/python/requirements-file.ts';
import { declaredPythonPackages } from '../../support/declared-packages.ts';
import { isToolingPath } from '../../support/tooling-path.ts';
import { isCommandLineTool, systemTool, toolList } from './system-tools.ts';

/**
 * Programs a Python app may run without declaring them: the interpreter itself, and pip and git,
 * whose run-time use is build-release-run/no-runtime-code-update's business (RULES-python.md).
 */
const NOT_SYSTEM_TOOLS = /^(?:python[\d.]*|pip[\d.]*|git)$/;
/** Distributions that install a listed tool under another name (`awscli` installs `aws`); others install their own name. */
const DISTRIBUTIONS_OF_COMMANDS: Readonly<Record<string, string>> = {
  aws: 'awscli',
  az: 'azure-cli',
  ansible: 'ansible-core',
};

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
        if (tool && !NOT_SYSTEM_TOOLS.test(tool) && !providedByDeclaredPackage(context, tool)) tools.add(tool);
      }
      if (tools.size === 0) continue;
      context.report({ range: [process.call.startIndex, process.call.endIndex], messageId: 'tool', data: { tools: toolList(tools) }, ...severity });
    }
  },
});

/** True when a distribution the repository declares installs the command (`yt-dlp`, `awscli` → `aws`). */
function providedByDeclaredPackage(context: CheckContext, tool: string): boolean {
  const declared = declaredPythonPackages(context);
  const distribution = DISTRIBUTIONS_OF_COMMANDS[tool];
  return declared.has(normalizePackageName(tool)) || (distribution !== undefined && declared.has(distribution));
}
