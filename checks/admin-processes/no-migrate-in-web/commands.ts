import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isLongRunning, reachedThrough, runsOrLeadsTo} from '../../support/process-model/index.ts';
import { commandText, pathData, START_SITE_KINDS, startCommands } from '../../support/process-model/detector.ts';
import { isMigration } from '../../support/process-model/programs.ts';
import type { PathCommand } from '../../support/process-model/walk.ts';
import { parseProcfile } from '../../../src/languages/shell/procfile.ts';

export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  detect(context) {
    for (const located of startCommands(context)) {
      const { command, path } = located;
      const migration = (candidate: PathCommand) => runsOrLeadsTo(path, candidate, migrates);
      if (!isLongRunning(command.role) || !migration(command) || reachedThrough(command, migration)) continue;
      const split = context.kind === 'procfile' && command.chain.length === 1 ? releaseSplit(context, command) : undefined;
      context.report({
        range: command.at,
        messageId: 'startPath',
        data: { command: commandText(command.words), ...pathData(located) },
        // An opt-in guard that is off by default, or an init container, runs it apart from the server (RULES-kubernetes.md).
        ...(command.optIn || path.initContainer ? { severity: 'notice' as const } : {}),
        ...(split ? { fix: { description: 'Run the migration in a release phase', edits: [split] } } : {}),
      });
    }
  },
});

function migrates(command: PathCommand): boolean {
  return isMigration(command.words, command.run);
}

/**
 * `web: npm run migrate && npm start` → `release: npm run migrate` + `web: npm start`, when the
 * Procfile has no release phase yet and the line is migrations joined by `&&`, then the server.
 */
function releaseSplit(context: CheckContext, command: PathCommand): { start: number; end: number; text: string } | undefined {
  const entries = parseProcfile(context.text);
  if (entries.some((entry) => entry.type === 'release' && entry.command !== '')) return undefined;
  const entry = entries.find((candidate) => candidate.start <= command.at[0] && command.at[1] <= candidate.end);
  if (!entry || entry.type !== 'web') return undefined;
  const own = startCommands(context)
    .map((located) => located.command)
    .filter((candidate) => candidate.chain.length === 1 && entry.start <= candidate.at[0] && candidate.at[1] <= entry.end);
  const joinedByAnd = own.every((candidate, index) => index === 0 || context.text.slice(own[index - 1]!.at[1], candidate.at[0]).trim() === '&&');
  const firstServer = own.findIndex((candidate) => !migrates(candidate));
  if (!joinedByAnd || firstServer <= 0 || own.slice(firstServer).some(migrates) || own.at(-1)!.at[1] !== entry.end) return undefined;
  const release = context.text.slice(own[0]!.at[0], own[firstServer - 1]!.at[1]);
  const web = context.text.slice(own[firstServer]!.at[0], entry.end);
  return { start: entry.start, end: entry.end, text: `release: ${release}\nweb: ${web}` };
}
