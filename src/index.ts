/**
 * The package's programmatic entry point: the same engine and reporters the CLI and the App
 * use. Changeset in, report out; rendering is separate and pure.
 */
export { runCli, type CliIo } from './cli/run-cli.ts';
export { loadChangeset } from './cli/load-changeset.ts';
export type { ChangedFile, Changeset, LineRanges } from './engine/changeset.ts';
export { ConfigError, DEFAULT_CONFIG, parseConfig, type Config, type FailOn } from './engine/config.ts';
export type { Finding, Report, Severity } from './engine/finding.ts';
export { MemoryRepository, type RepositoryView } from './engine/repository.ts';
export { review, type ReviewOptions } from './engine/review.ts';
export { renderJson } from './report/json.ts';
export { renderCheckSummary } from './report/markdown.ts';
export { renderSarif } from './report/sarif.ts';
export { renderText } from './report/text.ts';
export { TOOL_NAME, TOOL_VERSION } from './version.ts';
