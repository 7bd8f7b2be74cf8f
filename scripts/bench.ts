/**
 * `npm run bench`: measures the review against its peers on generated repositories and prints
 * one JSON document on stdout (progress on stderr). DESIGN.md (Performance) has the targets.
 *
 *   npm run -s bench > bench.json                  # sizes 250,1000,2000, 3 runs each
 *   npm run -s bench -- --sizes 250 --runs 1       # a quick check that everything runs
 *   npm run -s bench -- --sections engine,secrets  # only some sections
 *
 * (`-s` keeps npm's own "> node scripts/bench.ts" banner off stdout.)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { CHECK_IDS } from '../checks/index.ts';
import { apiSection } from './bench/api-section.ts';
import type { BenchContext, BenchSection } from './bench/bench-section.ts';
import { BenchWorkspace } from './bench/bench-workspace.ts';
import { engineSection } from './bench/engine-section.ts';
import { DEFAULT_SEED } from './bench/generate-repo.ts';
import { manifestsSection } from './bench/manifests-section.ts';
import { killRunningChildren } from './bench/measure-process.ts';
import { pythonSection } from './bench/python-section.ts';
import { secretsSection } from './bench/secrets-section.ts';
import { shellSection } from './bench/shell-section.ts';
import { toolCommands } from './bench/tool-commands.ts';
import { webhookSection } from './bench/webhook-section.ts';

/**
 * The sections, in the order they run and print. `python`: the same sizes in Python modules, and
 * a mixed repository against the sum of its parts. `manifests`: the same sizes in Kubernetes
 * manifests and Helm templates. `webhook`: acknowledgement latency at 100 requests/s on loopback
 * while workers are busy (DESIGN.md: p99 ≤ 50 ms).
 */
const SECTIONS: readonly BenchSection[] = [engineSection, pythonSection, shellSection, manifestsSection, secretsSection, apiSection, webhookSection];

const USAGE = `Usage: npm run bench -- [--sizes 250,1000,2000] [--runs 3] [--sections ${SECTIONS.map((section) => section.name).join(',')}] [--seed N]`;

interface Options {
  sizes: number[];
  runs: number;
  sections: BenchSection[];
  seed: number;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '250,1000,2000' },
      runs: { type: 'string', default: '3' },
      sections: { type: 'string', default: SECTIONS.map((section) => section.name).join(',') },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((size) => positiveInteger(size.trim(), '--sizes'));
  const runs = positiveInteger(values.runs, '--runs');
  const sections = values.sections.split(',').map((name) => {
    const section = SECTIONS.find((candidate) => candidate.name === name.trim());
    if (!section) throw new UsageError(`--sections: unknown section "${name}"`);
    return section;
  });
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), runs, sections, seed: positiveInteger(values.seed, '--seed') };
}

class UsageError extends Error {}

/** The 1, 5 and 15-minute load averages. */
function loadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag}: expected a positive integer, got "${text}"`);
  return value;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 22) progress(`warning: running on Node ${process.version}; the targets are defined on Node 22`);

  const secretRuleIds = CHECK_IDS.filter((id) => id.startsWith('secrets/'));
  const workspace = new BenchWorkspace({
    seed: options.seed,
    nonSecretRuleIds: CHECK_IDS.filter((id) => !id.startsWith('secrets/')),
    typescriptParserUrl: import.meta.resolve('@typescript-eslint/parser'),
  });
  const cleanUp = (signal: NodeJS.Signals) => {
    killRunningChildren();
    workspace.dispose();
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  process.once('SIGINT', cleanUp);
  process.once('SIGTERM', cleanUp);

  const context: BenchContext = {
    workspace,
    commands: toolCommands(workspace.configs),
    sizes: options.sizes,
    runs: options.runs,
    secretRuleIds,
    progress,
  };
  const document: Record<string, unknown> = {
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      // Other processes on a shared machine skew absolute figures (ratios less so): say how busy it was.
      loadAverageAtStart: loadAverage(),
      seed: options.seed,
      sizes: options.sizes,
      runs: options.runs,
      rules: CHECK_IDS.length,
    },
  };
  let failed = false;
  const started = performance.now();
  try {
    for (const section of options.sections) {
      try {
        document[section.name] = await section.run(context);
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? error.message : String(error);
        progress(`${section.name}: failed: ${message}`);
        document[section.name] = { error: message };
      }
    }
  } finally {
    workspace.dispose();
  }
  document.benchSeconds = Math.round((performance.now() - started) / 1000);
  (document.environment as Record<string, unknown>).loadAverageAtEnd = loadAverage();
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
