import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { reachedThrough, type LocatedCommand, type StartPath } from '../../support/process-model/index.ts';
import { longRunningCommands, START_SITE_KINDS } from '../../support/process-model/detector.ts';
import { detaches, isInert, isServerOrWorker, startsScheduler } from '../../support/process-model/programs.ts';
import type { PathCommand } from '../../support/process-model/walk.ts';
import { basename } from '../../../src/languages/shell/commands.ts';

/**
 * A long-running process detached from the process the platform supervises (RULES-commands.md
 * §5): `nohup … &`, `setsid`, `… & disown`, a daemon flag or `service NAME start`, and a known
 * server or worker sent to the background that the script never waits for. Schedulers are
 * `no-scheduler-in-web`'s.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  scope: 'repository',
  detect(context) {
    for (const located of longRunningCommands(context)) {
      const { command, data } = located;
      if (startsScheduler(command.words)) continue;
      const found = detachment(located);
      if (!found) continue;
      context.report({
        range: command.at,
        messageId: found.how === undefined ? 'backgroundServer' : 'detached',
        data: { ...data, how: found.how ?? '' },
        ...(found.known ? {} : { severity: 'notice' as const }),
      });
    }
  },
});

/** How the command leaves the platform's supervision (`how` undefined: a plain `&`), and whether a known server or worker leaves. */
function detachment({ path, command }: LocatedCommand): { how: string | undefined; known: boolean } | undefined {
  if (detaches(command.words)) return { how: daemonFlag(command), known: true };
  if (!command.background || command.waited || reachedThrough(command, (ancestor) => ancestor.background)) return undefined;
  const started = [command, ...descendants(path, command)].filter((candidate) => !isInert(candidate.words) && !candidate.handover);
  if (started.length === 0 || started.every((candidate) => startsScheduler(candidate.words))) return undefined;
  const known = started.some((candidate) => isServerOrWorker(candidate.words, candidate.run));
  if (isNohup(command)) return { how: '`nohup … &`', known };
  if (isDisowned(path, command)) return { how: '`& disown`', known };
  return known ? { how: undefined, known } : undefined;
}

const DAEMON_FLAG = /^(?:--daemon|-D|--detach|--daemonize\S*|multi)$/;

function daemonFlag(command: PathCommand): string {
  const program = command.words[0]!.value;
  const name = basename(program);
  if (name === 'setsid') return '`setsid`';
  if (name === 'start-stop-daemon') return '`start-stop-daemon --background`';
  if (name === 'service' || program.startsWith('/etc/init.d/')) return "the system's service manager";
  if (name === 'pm2' || name === 'forever') return `${name}'s own daemon`;
  const flag = command.words.slice(1).find((word) => DAEMON_FLAG.test(word.value));
  return flag ? `its daemon flag \`${flag.value}\`` : 'its daemon flag';
}

/** `nohup` written before the program. */
function isNohup(command: PathCommand): boolean {
  const program = command.written.indexOf(command.words[0]!);
  return command.written.slice(0, program === -1 ? command.written.length : program).some((word) => word.value === 'nohup' && !word.quoted);
}

/** A later `disown` in the same shell. */
function isDisowned(path: StartPath, command: PathCommand): boolean {
  const index = path.commands.indexOf(command);
  return path.commands.slice(index + 1).some((later) => later.words[0]?.value === 'disown' && later.file === command.file && later.parent === command.parent);
}

/** The commands a script, function or package script run started (their ancestors include it). */
function descendants(path: StartPath, command: PathCommand): PathCommand[] {
  return path.commands.filter((candidate) => reachedThrough(candidate, (ancestor) => ancestor === command));
}
