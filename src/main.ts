import { chooseEntryPoint } from './processes/choose-entry-point.ts';

/**
 * Every process starts here: `main.ts web`, `main.ts worker`, `main.ts clock`, or no argument
 * for all three in one process (`npm start`; see src/processes/run-main.ts); `main.ts scan …`
 * and `main.ts ci …` run the CLI instead, so the Docker image serves both. Each side is loaded
 * only when chosen.
 */
const argv = process.argv.slice(2);
if (chooseEntryPoint(argv) === 'cli') await import('./cli/main.ts');
else await (await import('./processes/run-main.ts')).runMain(argv);
