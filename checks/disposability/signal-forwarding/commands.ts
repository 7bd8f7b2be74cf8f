import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText, pathData, startCommands } from '../../support/process-model/detector.ts';
import type { LocatedCommand } from '../../support/process-model/index.ts';

/**
 * The main process of a container start path, reached through a script or a `-c` string, that
 * is not PID 1: the shell keeps PID 1 and SIGTERM stops there (RULES-commands.md §5). Dockerfile
 * lines themselves are the Dockerfile detector's (shell form, `npm start` as PID 1).
 */
export default defineDetector<MessageId>({
  kinds: ['shell', 'compose', 'yaml'],
  needs: 'shell',
  detect(context) {
    for (const located of startCommands(context)) {
      if (!keepsShellAsPid1(located)) continue;
      const { command } = located;
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

function keepsShellAsPid1({ path, command }: LocatedCommand): boolean {
  if (!path.container || path.unreferenced || path.groupSignals || path.trapsTerm) return false;
  if (!path.mains.includes(command) || command.pid1) return false;
  return !command.background && !command.piped;
}
