import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type Config, type FailOn } from '../engine/config.ts';
import { isAtLeast, type Report } from '../engine/finding.ts';
import { review } from '../engine/review.ts';
import { renderJson } from '../report/json.ts';
import { renderCheckSummary } from '../report/markdown.ts';
import { renderSarif } from '../report/sarif.ts';
import { isIncomplete } from '../report/coverage-text.ts';
import { renderText } from '../report/text.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { readActionsEnvironment } from './actions-environment.ts';
import { GitError, hasCommit, remoteDefaultBranch } from './git.ts';
import { loadChangeset, loadStagedChangeset } from './load-changeset.ts';
import { loadConfigFile } from './load-config-file.ts';
import { runCi, writeReport, type GitHubClientOptions } from './run-ci.ts';
import { UsageError } from './usage-error.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Colour and progress only on a terminal. */
  isTTY: boolean;
  /** The environment `ci` reads (GitHub Actions' variables); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** How `ci` reaches GitHub (tests: a validating fetch, no spacing between writes). */
  github?: GitHubClientOptions;
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
const BOOLEAN = ['true', 'false'] as const;

/** What `scan --staged` reviews in place of a base ref. */
const STAGED = Symbol('staged');

/** Options that only one command takes. */
const SCAN_ONLY = ['base', 'staged', 'format', 'output'] as const;
const CI_ONLY = ['sarif', 'comments'] as const;

export const USAGE = `Usage: ${TOOL_NAME} scan [PATH] [options]
       ${TOOL_NAME} ci [options]

scan reviews PATH (default: the current directory) for Twelve-Factor App violations and leaked secrets.
ci reviews a pull request inside a GitHub Actions job and publishes the check run and review
comments with GITHUB_TOKEN; outside GitHub Actions it is scan --base <default branch>.

Options:
  --base REF             scan: review only what HEAD and the work tree change since merge-base(REF)
  --staged               scan: review only what is staged for the next commit (a pre-commit hook)
  --format FORMAT        scan: text | json | sarif | markdown (default: text)
  --output FILE          scan: write the report to FILE instead of standard output
  --sarif FILE           ci: also write the report to FILE as SARIF (for code scanning)
  --comments true|false  ci: post review comments (default: comments.enabled in the config)
  --config FILE          configuration file (default: .twelve-factor.yml or .github/twelve-factor.yml)
  --fail-on LEVEL        error | warning | notice | never (default: error, or fail_on in the config)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 nothing at or above --fail-on (with --base: nothing new), 1 there is, 2 usage, config or I/O error,
or (when nothing fails) a file that could not be read: permission denied, or deleted during the run.
`;

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
  const [command, ...operands] = positionals;
  if (command === 'scan') return scan(operands, values, io);
  if (command === 'ci') return ci(operands, values, io);
  throw new UsageError(command ? `unknown command "${command}" (try --help)` : 'missing command: scan or ci (try --help)');
}

type Values = ReturnType<typeof parseCommandLine>['values'];

async function scan(operands: readonly string[], values: Values, io: CliIo): Promise<number> {
  rejectOptions(values, CI_ONLY, 'scan');
  const [target = '.', ...extra] = operands;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": scan takes one PATH`);
  const root = path.resolve(io.cwd, target);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${target}: not a directory`);
  if (values.staged && values.base !== undefined) throw new UsageError('--staged and --base exclude each other: staged changes are reviewed against HEAD');
  return reviewTree(root, values.staged ? STAGED : values.base, oneOf(values.format ?? 'text', FORMATS, '--format'), values, io);
}

/** In a GitHub Actions job: review and publish the event's pull request; elsewhere `scan --base <default branch>`. */
async function ci(operands: readonly string[], values: Values, io: CliIo): Promise<number> {
  rejectOptions(values, SCAN_ONLY, 'ci');
  if (operands.length > 0) throw new UsageError(`unexpected argument "${operands[0]}": ci takes no PATH (it reviews the checkout)`);
  const sarif = values.sarif === undefined ? undefined : path.resolve(io.cwd, values.sarif);
  const actions = readActionsEnvironment(io.env ?? process.env);
  if (!actions) return reviewTree(io.cwd, defaultBranch(io.cwd), 'text', values, io, sarif);
  return runCi(
    actions,
    {
      ...(values.config !== undefined && { config: loadConfigFile(actions.workspace, path.resolve(io.cwd, values.config)) }),
      ...(values['fail-on'] !== undefined && { failOn: oneOf(values['fail-on'], FAIL_ON, '--fail-on') }),
      ...(values.comments !== undefined && { comments: oneOf(values.comments, BOOLEAN, '--comments') === 'true' }),
      ...(sarif !== undefined && { sarif }),
    },
    { stdout: io.stdout, ...(io.github && { github: io.github }) },
  );
}

async function reviewTree(root: string, base: string | typeof STAGED | undefined, format: Format, values: Values, io: CliIo, sarif?: string): Promise<number> {
  const { config, source } = loadConfigFile(root, values.config === undefined ? undefined : path.resolve(io.cwd, values.config));
  const failOn = values['fail-on'] === undefined ? config.failOn : oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  if (io.isTTY) io.stderr(`Reviewing ${base === STAGED ? 'staged changes in ' : base ? `changes since ${base} in ` : ''}${root}…\n`);
  const changeset = base === STAGED ? loadStagedChangeset(root) : loadChangeset(root, base);
  const report = await review(changeset, { config });

  const output = render(report, format, { config, configSource: source }, io.isTTY && values.output === undefined);
  if (values.output === undefined) io.stdout(output);
  else writeReport(path.resolve(io.cwd, values.output), output, '--output');
  if (sarif !== undefined) writeReport(sarif, renderSarif(report, { toolVersion: TOOL_VERSION }), '--sarif');
  if (fails(report, failOn)) return 1;
  return isIncomplete(report) ? 2 : 0;
}

/** The branch a pull request would merge into: origin's default branch, else main or master. */
function defaultBranch(root: string): string {
  const branch = remoteDefaultBranch(root) ?? ['main', 'master'].find((candidate) => hasCommit(root, candidate));
  if (branch === undefined) throw new UsageError(`ci: cannot tell the default branch of ${root} (no origin/HEAD, main or master): use scan --base REF`);
  return branch;
}

function rejectOptions(values: Values, options: readonly (keyof Values)[], command: string): void {
  const given = options.find((option) => values[option] !== undefined);
  if (given !== undefined) throw new UsageError(`--${String(given)} is not an option of ${command} (try --help)`);
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        staged: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        sarif: { type: 'string' },
        comments: { type: 'string' },
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

/** In diff mode only new findings fail the run: existing ones are already on the base branch. */
function fails(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return report.findings.some((finding) => finding.status !== 'existing' && isAtLeast(finding.severity, failOn));
}
