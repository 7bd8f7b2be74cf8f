import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import type { LocatedCommand } from '../../support/process-model/index.ts';
import { longRunningCommands, rangeOf, START_SITE_KINDS } from '../../support/process-model/detector.ts';
import { isServerOrWorker, startsScheduler } from '../../support/process-model/programs.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename, type ShellWord } from '../../../src/languages/shell/commands.ts';

/**
 * A recurring scheduler inside a process type that scales (RULES-commands.md §5): Celery's
 * embedded beat (`worker -B`) on any long-running process, and a cron daemon or scheduler started
 * beside the server of a web or worker process. A clock process whose main process is the
 * scheduler is the fix, not a finding.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  detect(context) {
    for (const located of longRunningCommands(context)) {
      const { command, data } = located;
      const beat = embeddedBeat(command.words);
      if (beat) {
        context.report({ range: rangeOf(command, beat), messageId: 'embeddedBeat', data: { ...data, option: beat.value } });
      } else if ((command.role === 'web' || command.role === 'worker') && startsScheduler(command.words) && besideServer(located)) {
        context.report({ range: command.at, messageId: 'schedulerBeside', data });
      }
    }
  },
});

/** `-B`/`--beat` on `celery … worker`. */
function embeddedBeat(words: readonly ShellWord[]): ShellWord | undefined {
  if (basename(words[0]?.value ?? '') !== 'celery' || !positional(words.slice(1)).some((word) => word.value === 'worker')) return undefined;
  return words.find((word) => word.value === '-B' || word.value === '--beat');
}

/** The scheduler is not the process's main process, which is a known server or worker (or hands over to one). */
function besideServer({ path, command }: LocatedCommand): boolean {
  if (path.mains.includes(command)) return false;
  return path.mains.some((main) => {
    if (command.branch !== '' && main.branch !== '' && main.branch !== command.branch) return false;
    if (isServerOrWorker(main.words, main.run)) return true;
    return main.handover && path.commands.some((handed) => handed.parent === main && isServerOrWorker(handed.words, handed.run));
  });
}
