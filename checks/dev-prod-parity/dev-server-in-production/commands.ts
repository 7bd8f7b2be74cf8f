import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isLongRunning } from '../../support/process-model/index.ts';
import { commandText, pathData, START_SITE_KINDS, startCommands } from '../../support/process-model/detector.ts';
import { developmentServer } from '../../support/process-model/programs.ts';

/**
 * The main process of a production start path is a development server or runs in watch or
 * reload mode (RULES-commands.md §4.5, §5); `tsx FILE` runs TypeScript without a build: a notice.
 * Development-only sites are not start sites, and one-offs are not main processes of
 * long-running paths.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  detect(context) {
    for (const located of startCommands(context)) {
      const { path, command } = located;
      if (!isLongRunning(command.role) || !path.mains.includes(command)) continue;
      const level = developmentServer(command.words);
      if (!level) continue;
      context.report({
        range: command.at,
        messageId: level === 'notice' ? 'typescriptRunner' : 'devServer',
        data: { command: commandText(command.words), ...pathData(located) },
        ...(level === 'notice' ? { severity: 'notice' as const } : {}),
      });
    }
  },
});
