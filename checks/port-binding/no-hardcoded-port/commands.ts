import { defineDetector, type CheckContext, type TextEdit } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { processModel, type LocatedCommand } from '../../support/process-model/index.ts';
import { messageData, optionValues, rangeOf, START_SITE_KINDS, startCommands } from '../../support/process-model/detector.ts';
import { expandWord, type PathCommand } from '../../support/process-model/walk.ts';
import { positional } from '../../support/package-scripts.ts';
import { basename, type ShellWord } from '../../../src/languages/shell/commands.ts';

/** Options whose value is a port, or an address ending in one (`0.0.0.0:8000`, `tcp://0.0.0.0:3000`), by program (and subcommand). */
const PORT_OPTIONS: Readonly<Record<string, { subcommands?: readonly string[]; options: readonly string[] }>> = {
  gunicorn: { options: ['-b', '--bind'] },
  uvicorn: { options: ['--port'] },
  hypercorn: { options: ['-b', '--bind'] },
  daphne: { options: ['-p', '--port'] },
  'waitress-serve': { options: ['--port', '--listen'] },
  granian: { options: ['--port'] },
  uwsgi: { options: ['--http', '--http-socket'] },
  flask: { subcommands: ['run'], options: ['-p', '--port'] },
  next: { subcommands: ['start'], options: ['-p', '--port'] },
  nuxt: { subcommands: ['start'], options: ['--port'] },
  nuxi: { subcommands: ['start'], options: ['--port'] },
  serve: { options: ['-l', '--listen', '-p'] },
  rails: { subcommands: ['server', 's'], options: ['-p', '--port'] },
  puma: { options: ['-p', '--port', '-b', '--bind'] },
  php: { options: ['-S'] },
  streamlit: { subcommands: ['run'], options: ['--server.port'] },
};
/** Servers that listen on a fixed default port when given none, and the option that sets it. */
const DEFAULT_PORTS: Readonly<Record<string, { subcommand?: string; port: string; set: readonly string[]; flag: string }>> = {
  uvicorn: { port: '127.0.0.1:8000', set: ['--port', '--fd', '--uds'], flag: '--port' },
  flask: { subcommand: 'run', port: '127.0.0.1:5000', set: ['-p', '--port'], flag: '--port' },
};
/** `8000`, `0.0.0.0:8000`, `[::]:8000`, `tcp://0.0.0.0:8000`, `*:8000`; never a socket path. */
const LITERAL_PORT = /^(?:(?:tcp:\/\/)?[^/$]*:)?(\d{2,5})$/;
const PORT_ASSIGNMENT = /^PORT=(\d+)$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const DECLARATIONS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);
/** File kinds whose start commands a shell reads as written, where `$PORT` expands. */
const SHELL_TEXT = new Set(['shell', 'procfile', 'yaml']);

/**
 * A web process whose platform assigns the port through `PORT` (a Procfile `web:` line, heroku.yml
 * `run.web`, and the scripts they run) binds a literal port or overrides `PORT`
 * (RULES-commands.md §5). uvicorn and `flask run` given no port listen on their default: a notice.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  scope: 'repository',
  detect(context) {
    for (const located of platformPortCommands(context)) {
      const { command } = located;
      const data = messageData(located);
      for (const { word, port } of portAssignments(command)) {
        context.report({ range: rangeOf(command, word), messageId: 'commandPortAssignment', data: { ...data, port } });
      }
      for (const { option, port, holder } of literalPorts(command)) {
        const fix = command.exact && SHELL_TEXT.has(context.kind) ? platformPort(context, holder, port) : undefined;
        context.report({
          range: rangeOf(command, option),
          messageId: 'commandPort',
          data: { ...data, port, option: holder === option ? option.value : `${option.value} ${holder.value}` },
          ...(fix ? { fix: { description: 'Bind to the port the platform assigns', edits: [fix] } } : {}),
        });
      }
      const fixed = defaultPort(command);
      if (fixed) context.report({ range: command.at, messageId: 'commandDefaultPort', severity: 'notice', data: { ...data, port: fixed.port, flag: fixed.flag } });
    }
  },
});

/** The web commands in this file on a path whose platform assigns `PORT`, each location once. */
function platformPortCommands(context: CheckContext): LocatedCommand[] {
  startCommands(context);
  const seen = new Set<string>();
  const found: LocatedCommand[] = [];
  for (const path of processModel(context).paths) {
    if (!path.platformPort) continue;
    for (const command of path.commands) {
      const key = `${command.at[0]}:${command.at[1]}:${command.words.map((word) => word.start).join(',')}`;
      if (command.file !== context.path || command.role !== 'web' || seen.has(key)) continue;
      seen.add(key);
      found.push({ path, command });
    }
  }
  return found;
}

/** `PORT=3000 node …`, `env PORT=3000 …`, `export PORT=8080`, `PORT=8080`. */
function portAssignments(command: PathCommand): { word: ShellWord; port: string }[] {
  const first = command.words[0];
  const program = command.written.indexOf(first!);
  const candidates = !first || ASSIGNMENT.test(first.value) ? command.written : DECLARATIONS.has(first.value) ? command.words.slice(1) : command.written.slice(0, Math.max(program, 0));
  return candidates.flatMap((word) => {
    const match = PORT_ASSIGNMENT.exec(word.value);
    return match ? [{ word, port: match[1]! }] : [];
  });
}

/** Literal ports on the options of a known server: the option, the port, and the word holding it. */
function literalPorts(command: PathCommand): { option: ShellWord; port: string; holder: ShellWord }[] {
  const program = basename(command.words[0]?.value ?? '');
  const found: { option: ShellWord; port: string; holder: ShellWord }[] = [];
  if (program === 'java') {
    for (const word of command.words.slice(1)) {
      const match = /^-Dserver\.port=(\d+)$/.exec(expandWord(word, command.variables).value);
      if (match) found.push({ option: word, port: match[1]!, holder: word });
    }
    return found;
  }
  if (!Object.hasOwn(PORT_OPTIONS, program)) return found;
  const { subcommands, options } = PORT_OPTIONS[program]!;
  if (subcommands && !subcommands.includes(positional(command.words.slice(1))[0]?.value ?? '')) return found;
  for (const { option, value, valueWord } of optionValues(command, options)) {
    const port = LITERAL_PORT.exec(value)?.[1];
    if (port) found.push({ option, port, holder: valueWord ?? option });
  }
  return found;
}

/** uvicorn or `flask run` with no port: the default it listens on. */
function defaultPort(command: PathCommand): { port: string; flag: string } | undefined {
  const program = basename(command.words[0]?.value ?? '');
  const server = Object.hasOwn(DEFAULT_PORTS, program) ? DEFAULT_PORTS[program]! : undefined;
  if (!server) return undefined;
  const args = command.words.slice(1);
  if (server.subcommand && !positional(args).some((word) => word.value === server.subcommand)) return undefined;
  const given = args.some((word) => server.set.includes(word.value.split('=')[0]!) || (program === 'flask' && /^-p\d/.test(word.value)));
  return given ? undefined : server;
}

/** Replaces the port digits at the end of a word with `$PORT`, unless single quotes would keep it literal. */
function platformPort(context: CheckContext, word: ShellWord, port: string): TextEdit | undefined {
  const raw = context.text.slice(word.start, word.end);
  if (raw.includes("'")) return undefined;
  const at = raw.replace(/"$/, '').length - port.length;
  if (at < 0 || raw.slice(at, at + port.length) !== port) return undefined;
  return { start: word.start + at, end: word.start + at + port.length, text: '$PORT' };
}
