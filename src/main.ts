import { runMain } from './processes/run-main.ts';

/**
 * Every process type starts here: `main.ts web`, `main.ts worker`, `main.ts clock`, or no
 * argument for all three in one process (`npm start`). See src/processes/run-main.ts.
 */
await runMain(process.argv.slice(2));
