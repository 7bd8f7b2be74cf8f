import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { longRunningCommands, optionValues, ownRedirects, rangeOf, START_SITE_KINDS, writesTo } from '../../support/process-model/detector.ts';
import type { PathCommand } from '../../support/process-model/walk.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename } from '../../../src/languages/shell/commands.ts';

/** The options that make a server or worker write its PID to a file. */
const PID_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  gunicorn: ['-p', '--pid'],
  celery: ['--pidfile'],
  uwsgi: ['--pidfile', '--pidfile2', '--safe-pidfile', '--safe-pidfile2'],
  puma: ['--pidfile'],
  rails: ['-P', '--pid'],
};
/** `$$` (the shell's PID) and `$!` (the last background job's). */
const PID_VARIABLE = /^\$(?:\$|!|\{\$\}|\{!\})$/;

/**
 * A long-running process on a start path that writes a PID file (RULES-commands.md §5): a
 * pid-file option with a path, or the start script writing `$$`/`$!` into a file. `rails server`
 * writes `tmp/pids/server.pid` unless told otherwise: a notice.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  scope: 'repository',
  detect(context) {
    for (const { command, data } of longRunningCommands(context)) {
      const program = basename(command.words[0]?.value ?? '');
      const rails = program === 'rails' && ['server', 's'].includes(positional(command.words.slice(1))[0]?.value ?? '');
      const options = Object.hasOwn(PID_OPTIONS, program) && (program !== 'rails' || rails) ? optionValues(command, PID_OPTIONS[program]!) : [];
      for (const { option, value } of options) {
        if (value === '' || value === '/dev/null') continue;
        context.report({ range: rangeOf(command, option), messageId: 'pidFileOption', data: { ...data, file: value } });
      }
      if (rails && options.length === 0) context.report({ range: command.at, messageId: 'railsPidFile', severity: 'notice', data });
      if (writesPid(command)) {
        for (const redirect of ownRedirects(command)) {
          const file = writesTo(command, redirect);
          if (file !== undefined && file !== '/dev/null') context.report({ range: rangeOf(command, redirect), messageId: 'pidFileWrite', data: { ...data, file } });
        }
      }
    }
  },
});

/** `echo $$`, `printf '%s' "$!"`: the command prints a PID. */
function writesPid(command: PathCommand): boolean {
  const program = command.words[0]?.value;
  return (program === 'echo' || program === 'printf') && command.words.slice(1).some((word) => PID_VARIABLE.test(word.value));
}
