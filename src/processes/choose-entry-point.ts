/** Commands of the CLI; any other first argument (web, worker, clock, or none) starts the App. */
export const CLI_COMMANDS: readonly string[] = ['scan', 'ci'];

/**
 * Which program a process runs, from its arguments: one image serves both, so
 * `docker run IMAGE` starts the App and `docker run IMAGE scan /src` runs the CLI.
 */
export function chooseEntryPoint(argv: readonly string[]): 'cli' | 'app' {
  return argv[0] !== undefined && CLI_COMMANDS.includes(argv[0]) ? 'cli' : 'app';
}
