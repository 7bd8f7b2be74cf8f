import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { reachedThrough, type StartPath } from '../../support/process-model/index.ts';
import { isStandardStream, longRunningCommands, optionValues, ownRedirects, rangeOf, START_SITE_KINDS, writesTo } from '../../support/process-model/detector.ts';
import { longRunningKind } from '../../support/process-model/programs.ts';
import { expandWord, type PathCommand } from '../../support/process-model/walk.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename, type ShellWord } from '../../../src/languages/shell/commands.ts';
import type { ShellRedirect } from '../../../src/languages/shell/script.ts';

/** Options that send a server's or worker's log to a file. */
const LOG_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  gunicorn: ['--access-logfile', '--error-logfile', '--log-file'],
  celery: ['--logfile', '-f'],
  uwsgi: ['--logto', '--logto2'],
  puma: ['--redirect-stdout', '--redirect-stderr'],
  pm2: ['--log', '-l', '--output', '-o', '--error', '-e'],
  'pm2-runtime': ['--log', '-l', '--output', '-o', '--error', '-e'],
};
/** Where a suggestion may edit the text: the file is shell as written. */
const SHELL_TEXT = new Set(['shell', 'procfile']);

/**
 * The output or log sink of a long-running process on a start path is a file
 * (RULES-commands.md §5): a redirection on its command or on the function, group or script that
 * runs it, an earlier `exec >FILE`, or a log-file option. `| tee FILE` keeps the stream, so it is
 * a notice.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  scope: 'repository',
  detect(context) {
    for (const { path, command, data } of longRunningCommands(context)) {
      const execOnly = command.words.length === 1 && command.words[0]!.value === 'exec';
      for (const redirect of ownRedirects(command)) {
        const file = logFile(writesTo(command, redirect));
        if (file === undefined) continue;
        const sink = execOnly ? sendsLaterOutput(path, command, redirect) : runsLongRunning(path, command, redirect);
        if (!sink) continue;
        const fix = removal(context, command, redirect);
        context.report({
          range: rangeOf(command, redirect),
          messageId: execOnly ? 'execOutput' : 'outputRedirect',
          data: { ...data, file },
          ...(fix ? { fix: { description: 'Leave the output on stdout/stderr', edits: [fix] } } : {}),
        });
      }
      const program = basename(command.words[0]?.value ?? '');
      for (const { option, value, valueWord } of Object.hasOwn(LOG_OPTIONS, program) ? optionValues(command, LOG_OPTIONS[program]!) : []) {
        const file = logFile(value);
        if (file === undefined || (file.startsWith('-') && file !== '-')) continue;
        const fix = program === 'gunicorn' && command.exact && SHELL_TEXT.has(context.kind) ? streamOption(option, valueWord) : undefined;
        context.report({
          range: rangeOf(command, option),
          messageId: 'logFileOption',
          data: { ...data, option: option.value.split('=')[0]!, file },
          ...(fix ? { fix: { description: 'Log to the process output', edits: [fix] } } : {}),
        });
      }
      if (program === 'tee' && command.piped && teesLongRunning(path, command)) {
        for (const word of positional(command.words.slice(1))) {
          const file = logFile(expandWord(word, command.variables).value);
          if (file !== undefined) context.report({ range: rangeOf(command, word), messageId: 'teeCopy', severity: 'notice', data: { ...data, file } });
        }
      }
    }
  },
});

/** A file path worth reporting: not a standard stream, not `/dev/null`, no variable left unassigned. */
function logFile(file: string | undefined): string | undefined {
  if (file === undefined || file === '' || file === '/dev/null' || isStandardStream(file) || /[$`]|^[<>]\(/.test(file)) return undefined;
  return file;
}

/** A server, worker or scheduler, or the path's main process. */
function isLongRunningProcess(path: StartPath, command: PathCommand): boolean {
  return longRunningKind(command.words, command.run) !== undefined || path.mains.includes(command);
}

/** The redirection applies to a long-running process: the command itself, or one its function, group or script runs. */
function runsLongRunning(path: StartPath, command: PathCommand, redirect: ShellRedirect): boolean {
  return isLongRunningProcess(path, command) || path.commands.some((other) => other !== command && other.redirects.includes(redirect) && isLongRunningProcess(path, other));
}

/** An `exec >FILE` whose file a later long-running process of the same shell writes to. */
function sendsLaterOutput(path: StartPath, command: PathCommand, redirect: ShellRedirect): boolean {
  const target = redirect.target!;
  const after = path.commands.slice(path.commands.indexOf(command) + 1);
  return after.some((later) => later.output?.start === target.start && later.output.end === target.end && isLongRunningProcess(path, later));
}

/** `server | tee FILE`: the pipeline stage before `tee` is, or runs, a long-running process. */
function teesLongRunning(path: StartPath, tee: PathCommand): boolean {
  let stage = path.commands[path.commands.indexOf(tee) - 1];
  while (stage && stage.parent !== tee.parent) stage = stage.parent;
  if (!stage?.piped || stage.file !== tee.file || stage.at[1] > tee.at[0]) return false;
  const source = stage;
  return isLongRunningProcess(path, source) || path.commands.some((other) => reachedThrough(other, (ancestor) => ancestor === source) && isLongRunningProcess(path, other));
}

/** Deletes a redirection and the blanks before it, where the file is shell as written. */
function removal(context: CheckContext, command: PathCommand, redirect: ShellRedirect): TextEdit | undefined {
  if (!command.exact || !SHELL_TEXT.has(context.kind)) return undefined;
  let start = redirect.start;
  while (start > 0 && (context.text[start - 1] === ' ' || context.text[start - 1] === '\t')) start--;
  return { start, end: redirect.end, text: '' };
}

/** gunicorn's `-`: the log goes to the process output. */
function streamOption(option: ShellWord, valueWord: ShellWord | undefined): TextEdit {
  if (valueWord) return { start: valueWord.start, end: valueWord.end, text: '-' };
  return { start: option.start, end: option.end, text: `${option.value.split('=')[0]}=-` };
}
