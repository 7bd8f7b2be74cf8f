import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText, pathData, startCommands } from '../../support/process-model/detector.ts';
import { reachedThrough, type StartPath } from '../../support/process-model/index.ts';
import type { PathCommand } from '../../support/process-model/walk.ts';

/**
 * The main process of a container start path, reached through a script or a `-c` string, that
 * is not PID 1: the shell keeps PID 1 and SIGTERM stops there (RULES-commands.md §5). When a
 * package manager runs it (`npm start` as a compose or Kubernetes command), the package manager
 * is PID 1, reported where it is named. Dockerfile lines themselves are the Dockerfile
 * detector's (shell form, `npm start` as PID 1).
 */
export default defineDetector<MessageId>({
  kinds: ['shell', 'compose', 'yaml', 'json', 'helm-template'],
  needs: 'shell',
  detect(context) {
    for (const located of startCommands(context)) {
      const { path, command } = located;
      if (!judgesPid1(path) || command.background || command.piped) continue;
      if (command.run && !reachedThrough(command, (ancestor) => ancestor.run !== undefined) && path.mains.some((main) => leadsTo(command, main))) {
        context.report({
          range: command.at,
          messageId: 'packageManagerOnPath',
          data: { command: commandText(command.words), manager: command.run.manager, script: command.run.script, ...pathData(located) },
        });
        continue;
      }
      if (!path.mains.includes(command) || command.pid1 || reachedThrough(command, (ancestor) => ancestor.run !== undefined)) continue;
      const simple = command.exact && command.written.length > 0 && command.written[0] === command.words[0] && !command.inLoop;
      context.report({
        range: command.at,
        messageId: command.handover ? 'handoverWithoutExec' : 'mainWithoutExec',
        data: { command: commandText(command.written), ...pathData(located) },
        ...(simple ? { fix: { description: 'Replace the shell with the process', edits: [{ start: command.at[0], end: command.at[0], text: 'exec ' }] } } : {}),
      });
    }
  },
});

/** A container path whose PID 1 matters: not behind dumb-init or `tini -g`, not forwarding TERM itself. */
function judgesPid1(path: StartPath): boolean {
  return path.container && !path.unreferenced && !path.groupSignals && !path.trapsTerm;
}

function leadsTo(ancestor: PathCommand, command: PathCommand): boolean {
  return reachedThrough(command, (candidate) => candidate === ancestor);
}

