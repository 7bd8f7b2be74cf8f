import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isLongRunning, reachedThrough } from '../../support/process-model/index.ts';
import { commandText, pathData, START_SITE_KINDS, startCommands } from '../../support/process-model/detector.ts';
import { buildKind } from '../../support/process-model/programs.ts';
import type { PathCommand } from '../../support/process-model/walk.ts';

/**
 * Not fixable: moving a build into the image is not a line edit. A package script run by name
 * (`npm run build`) is reported at the line naming it, not in its body.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  detect(context) {
    const reportedLines = new Set<number>();
    for (const located of startCommands(context)) {
      const { command } = located;
      const what = builds(command);
      if (!isLongRunning(command.role) || what === undefined || reachedThrough(command, (ancestor) => builds(ancestor) !== undefined)) continue;
      // `npm ci && npm run build && node …`: one finding per line says it; the first build step names the problem.
      const line = context.locate(command.at[0], command.at[1]).line;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      context.report({
        range: command.at,
        messageId: 'startPath',
        data: { command: commandText(command.words), what, ...pathData(located) },
        ...(command.optIn ? { severity: 'notice' as const } : {}),
      });
    }
  },
});

function builds(command: PathCommand): string | undefined {
  return buildKind(command.words, command.run);
}
