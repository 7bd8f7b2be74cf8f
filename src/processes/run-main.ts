import { run as runProbotSetup } from 'probot';
import { EnvError, readEnvOptions } from '../env.ts';
import { createLogger } from '../logging/create-logger.ts';
import { ROLES, startProcess, type Role } from './start-process.ts';

const USAGE = 'usage: main.ts [web|worker|clock]   (no argument: all three in one process)';

/** What nothing-configured looks like: Probot's first-run setup can register the App then. */
const CREDENTIALS = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET'];

/**
 * The entry point of every process type (`Procfile`: web, worker, clock; `npm start`: all in
 * one). Settings come from the environment only and are validated first: a missing or
 * malformed one stops start-up with one line on stderr naming it (exit 1). SIGTERM or SIGINT
 * stop the process gracefully within SHUTDOWN_TIMEOUT_MS and exit 0; a second signal exits at once.
 */
export async function runMain(argv: readonly string[], environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [type, ...extra] = argv;
  if (extra.length > 0 || (type !== undefined && !ROLES.includes(type as Role))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const roles = type === undefined ? ROLES : [type as Role];
  if (type === undefined && environment.NODE_ENV !== 'production' && CREDENTIALS.every((name) => !environment[name])) {
    // Local first run: Probot serves its setup page, which registers the App from app.yml.
    await runProbotSetup(() => {});
    return;
  }
  let env;
  try {
    env = readEnvOptions(environment);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`twelve-factor-review: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const log = createLogger({ level: env.logLevel, secrets: [env.privateKey, env.webhookSecret] });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });

  let running;
  try {
    running = await startProcess(roles, env, log);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`twelve-factor-review: ${error.message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, timeoutMs: env.shutdownTimeoutMs }, 'shutting down');
    await running.stop();
    log.info('stopped');
    // Whatever was abandoned at the timeout (a review handed back to the queue) must not keep the process alive.
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
