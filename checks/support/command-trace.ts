import path from 'node:path/posix';
import type { CheckContext } from '../define-check.ts';
import { nearestPackageManifest, scriptBodies, scriptRun, type PackageManifest, type ScriptRun } from './package-scripts.ts';
import {
  effectiveCommand,
  expandInlineShell,
  parseShellCommands,
  shellScriptPath,
  type ShellCommand,
  type ShellWord,
} from '../../src/languages/shell/commands.ts';

/** Where a traced command was found, outside the entry command itself. */
export type TraceHop =
  | { kind: 'script'; name: string; manifest: string }
  | { kind: 'file'; path: string; line: number };

/** One command reached from an entry command, with the hops that led to it. */
export interface TracedCommand {
  /** The program and its arguments (wrappers such as `exec`, `env`, `then` stripped). */
  words: ShellWord[];
  exec: boolean;
  /** Empty for a command of the entry itself; else the scripts and files that led to it. */
  via: readonly TraceHop[];
  /** Set when the command runs a package-manager script (its body is traced too). */
  run?: ScriptRun;
  /** Set when the command runs a shell script of the repository (its commands are traced too). */
  file?: string;
}

export interface TraceOptions {
  /** Finds the repository file a script path names (`./start.sh`); undefined when not in the repo. */
  resolveFile?: (scriptPath: string) => string | undefined;
  /** The package.json whose scripts `npm start` & co. run; defaults to the nearest to the file. */
  manifest?: PackageManifest | undefined;
}

/** Real start paths are a few hops deep (CMD → npm start → prestart → script file); the cap only stops runaway chains. */
const MAX_DEPTH = 6;

/**
 * Every command an entry command runs: its own commands (descending into `sh -c '…'`), the
 * bodies of the package.json scripts it runs (`npm start` → `prestart` and `start`), and the
 * commands of repository shell scripts it runs (`./docker-entrypoint.sh`), depth-limited and
 * cycle-safe. Nothing is executed.
 */
export function traceCommands(context: CheckContext, entry: readonly ShellCommand[], options: TraceOptions = {}): TracedCommand[] {
  const manifest = 'manifest' in options ? options.manifest : nearestPackageManifest(context, directoryOf(context.path));
  const traced: TracedCommand[] = [];
  const seen = new Set<string>();

  const visit = (commands: readonly ShellCommand[], via: readonly TraceHop[]) => {
    if (via.length > MAX_DEPTH) return;
    for (const command of commands) {
      for (const expanded of expandInlineShell(effectiveCommand(command).words)) {
        const { words, exec } = effectiveCommand(expanded);
        if (words.length === 0) continue;
        const item: TracedCommand = { words, exec: exec || effectiveCommand(command).exec, via };
        traced.push(item);
        const run = scriptRun(words);
        if (run) {
          item.run = run;
          if (!manifest) continue;
          for (const { name, body } of scriptBodies(manifest, run)) {
            const key = `script:${manifest.path}:${name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            visit(parseShellCommands(body), [...via, { kind: 'script', name, manifest: manifest.path }]);
          }
          continue;
        }
        const scriptPath = shellScriptPath(words);
        const file = scriptPath === undefined ? undefined : options.resolveFile?.(scriptPath);
        if (file === undefined || seen.has(`file:${file}`)) continue;
        seen.add(`file:${file}`);
        item.file = file;
        const text = context.repo.read(file);
        if (text === undefined) continue;
        const lineStarts = lineStartsOf(text);
        for (const inner of parseShellCommands(text)) {
          visit([inner], [...via, { kind: 'file', path: file, line: lineAt(lineStarts, inner.start) }]);
        }
      }
    }
  };
  visit(entry, []);
  return traced;
}

/** How a traced command was reached, for messages: `"start" script`, `start.sh line 3`. */
export function describeHop(hop: TraceHop): string {
  return hop.kind === 'script' ? `the "${hop.name}" script of ${hop.manifest}` : `${hop.path} line ${hop.line}`;
}

/** A command as text, for messages (quoted words re-joined with spaces, trimmed to a sane length). */
export function commandText(words: readonly ShellWord[]): string {
  const text = words.map((word) => word.value).join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The directory of a repository path, '' for the root. */
export function directoryOf(filePath: string): string {
  const dir = path.dirname(filePath);
  return dir === '.' ? '' : dir;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return line + 1;
}
