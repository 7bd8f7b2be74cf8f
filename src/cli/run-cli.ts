import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHECK_IDS } from '../../checks/index.ts';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type Config, type FailOn } from '../engine/config.ts';
import { isAtLeast, type Report } from '../engine/finding.ts';
import { review } from '../engine/review.ts';
import { renderJson } from '../report/json.ts';
import { renderCheckSummary } from '../report/markdown.ts';
import { renderSarif } from '../report/sarif.ts';
import { isIncomplete } from '../report/coverage-text.ts';
import { renderText } from '../report/text.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { GitError } from './git.ts';
import { loadChangeset } from './load-changeset.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colour and progress only on a terminal. */
  isTTY: boolean;
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/** Looked for at the scanned root when --config is not given, first match wins. */
const CONFIG_FILES = ['.twelve-factor.yml', '.twelve-factor.yaml', '.github/twelve-factor.yml', '.github/twelve-factor.yaml'];

export const USAGE = `Usage: ${TOOL_NAME} scan [PATH] [options]

Reviews PATH (default: the current directory) for Twelve-Factor App violations and leaked secrets.

Options:
  --base REF             review only what HEAD and the work tree change since merge-base(REF)
  --format FORMAT        text | json | sarif | markdown (default: text)
  --output FILE          write the report to FILE instead of standard output
  --config FILE          configuration file (default: .twelve-factor.yml or .github/twelve-factor.yml)
  --fail-on LEVEL        error | warning | notice | never (default: error, or fail_on in the config)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 nothing at or above --fail-on (with --base: nothing new), 1 there is, 2 usage, config or I/O error,
or (when nothing fails) a file that could not be read: permission denied, or deleted during the run.
`;

/** A problem the user can fix: printed as one line, exit code 2. */
class UsageError extends Error {}

/** Runs the command line; resolves to the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof GitError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${TOOL_NAME}: unexpected error: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, target = '.', ...extra] = positionals;
  if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}" (try --help)` : 'missing command: scan (try --help)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": scan takes one PATH`);
  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  const root = path.resolve(io.cwd, target);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${target}: not a directory`);

  const { config, source } = loadConfig(root, values.config === undefined ? undefined : path.resolve(io.cwd, values.config));
  const failOn = values['fail-on'] === undefined ? config.failOn : oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  if (io.isTTY) io.stderr(`Reviewing ${values.base ? `changes since ${values.base} in ` : ''}${root}…\n`);
  const changeset = loadChangeset(root, values.base);
  const report = await review(changeset, { config });

  const output = render(report, format, { config, configSource: source }, io.isTTY && values.output === undefined);
  if (values.output === undefined) io.stdout(output);
  else writeOutput(path.resolve(io.cwd, values.output), output);
  if (fails(report, failOn)) return 1;
  return isIncomplete(report) ? 2 : 0;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (try --help)`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} ${value}: expected one of ${allowed.join(', ')}`);
}

function loadConfig(root: string, explicit: string | undefined): { config: Config; source: string } {
  const file = explicit ?? CONFIG_FILES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (file === undefined) return { config: DEFAULT_CONFIG, source: 'defaults' };
  const name = path.relative(root, file).startsWith('..') ? file : path.relative(root, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${name}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { config: parseConfig(text, name, CHECK_IDS), source: name };
}

function render(report: Report, format: Format, context: { config: Config; configSource: string }, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { toolVersion: TOOL_VERSION });
    case 'markdown':
      return `${renderCheckSummary(report, context)}\n`;
    case 'text':
      return renderText(report, { color });
  }
}

function writeOutput(file: string, output: string): void {
  try {
    writeFileSync(file, output);
  } catch (error) {
    throw new UsageError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** In diff mode only new findings fail the run: existing ones are already on the base branch. */
function fails(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return report.findings.some((finding) => finding.status !== 'existing' && isAtLeast(finding.severity, failOn));
}
