import path from 'node:path/posix';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { commandText, describeHop, directoryOf, traceCommands, type TracedCommand } from '../../support/command-trace.ts';
import { scriptRun } from '../../support/package-scripts.ts';
import { parseProcfile } from '../../support/procfile.ts';
import { basename, effectiveCommand, parseShellCommands, type ShellCommand, type ShellWord } from '../../../src/languages/shell/commands.ts';

/** Procfiles that only run on a developer's machine, one instance each. */
const LOCAL_PROCFILE = /^Procfile\.(?:dev|development|local|test)$/i;
/** Programs that only print or test: a word "migrate" in their arguments runs nothing. */
const INERT = new Set(['echo', 'printf', 'test', '[', 'cd', 'true', 'false', 'sleep', 'export']);
/** Migration commands that do not say "migrate": `alembic upgrade`, `flask db upgrade`, `prisma db push`. */
const UPGRADES: Readonly<Record<string, readonly string[]>> = {
  alembic: ['upgrade'],
  flask: ['db', 'upgrade'],
  prisma: ['db', 'push'],
  'drizzle-kit': ['push'],
};

export default defineDetector<MessageId>({
  kinds: ['procfile'],
  needs: 'shell',
  detect(context) {
    if (LOCAL_PROCFILE.test(path.basename(context.path))) return;
    const entries = parseProcfile(context.text);
    const hasRelease = entries.some((entry) => entry.type === 'release' && entry.command !== '');
    for (const entry of entries) {
      if (entry.type !== 'web') continue;
      const commands = parseShellCommands(entry.command, { offset: entry.commandStart });
      const traced = traceCommands(context, commands, { resolveFile: (scriptPath) => repositoryFile(context, scriptPath) });
      const migration = traced.find(isMigration);
      if (!migration) continue;
      const hop = migration.via.at(-1);
      const split = hop || hasRelease ? undefined : releaseSplit(context.text, commands);
      context.report({
        range: [entry.start, entry.end],
        ...(hop
          ? { messageId: 'indirect' as const, data: { command: commandText(migration.words), where: describeHop(hop) } }
          : { messageId: 'direct' as const, data: { command: commandText(migration.words) } }),
        ...(split
          ? {
              fix: {
                description: 'Run the migration in a release phase',
                edits: [{ start: entry.start, end: entry.end, text: `release: ${split.release}\nweb: ${split.web}` }],
              },
            }
          : {}),
      });
    }
  },
});

/** True when a command runs schema migrations. */
function isMigration(command: TracedCommand): boolean {
  if (command.run) return /migrat/i.test(command.run.script);
  const words = command.words;
  const program = basename(words[0]!.value);
  if (INERT.has(program)) return false;
  const args = words.filter((word) => !word.value.startsWith('-')).map((word) => word.value);
  if (args.some((value) => /migrat/i.test(value))) return true;
  return args.some((value, index) => {
    const subcommand = UPGRADES[basename(value)];
    return subcommand !== undefined && subcommand.every((part, offset) => args[index + 1 + offset] === part);
  });
}

/**
 * `npm run migrate && npm start` → release `npm run migrate`, web `npm start`: when the line is
 * migrations joined by `&&` followed by the server, nothing else.
 */
function releaseSplit(text: string, commands: readonly ShellCommand[]): { release: string; web: string } | undefined {
  if (commands.length < 2 || commands.slice(0, -1).some((command) => command.separator !== '&&')) return undefined;
  const migrating = commands.map((command) => isMigration(asTraced(command.words)));
  const firstServer = migrating.indexOf(false);
  if (firstServer <= 0 || migrating.slice(firstServer).some(Boolean)) return undefined;
  return {
    release: text.slice(commands[0]!.start, commands[firstServer - 1]!.end),
    web: text.slice(commands[firstServer]!.start, commands.at(-1)!.end),
  };
}

function asTraced(words: readonly ShellWord[]): TracedCommand {
  const effective = effectiveCommand(words);
  const run = scriptRun(effective.words);
  return { words: effective.words.length > 0 ? effective.words : [...words], exec: effective.exec, via: [], ...(run ? { run } : {}) };
}

/** A script path of a Procfile command, relative to the Procfile's directory (the app root). */
function repositoryFile(context: CheckContext, scriptPath: string): string | undefined {
  if (scriptPath.startsWith('/')) return undefined;
  const candidate = path.join(directoryOf(context.path), scriptPath);
  return candidate.startsWith('..') || !context.repo.has(candidate) ? undefined : candidate;
}
