import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isLongRunning, reachedThrough, runsOrLeadsTo, type StartPath } from '../../support/process-model/index.ts';
import { commandText, pathData, START_SITE_KINDS, startCommands } from '../../support/process-model/detector.ts';
import { buildKind, longRunningKind } from '../../support/process-model/programs.ts';
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
      const { command, path } = located;
      const what = buildOf(path, command);
      if (!isLongRunning(command.role) || what === undefined || reachedThrough(command, (ancestor) => buildOf(path, ancestor) !== undefined)) continue;
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

/** What the command builds, or what the package script it names does when that is only a build. */
function buildOf(path: StartPath, command: PathCommand): string | undefined {
  const own = buildKind(command.words, command.run);
  // `nest start` builds and then serves: the script naming it is not only a build.
  const onlyBuilds = (candidate: PathCommand) => buildKind(candidate.words, candidate.run) !== undefined && longRunningKind(candidate.words) === undefined;
  if (own !== undefined || !runsOrLeadsTo(path, command, onlyBuilds)) return own;
  return 'compiles the code';
}
