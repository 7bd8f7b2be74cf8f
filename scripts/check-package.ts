/**
 * `npm run check:package`: tries the package as a new user would. Packs it, installs the
 * tarball into an empty project offline from the npm cache (`npm ci` filled it), runs
 * `npx twelve-factor-review scan` on a violating and on a clean directory with Node 22, and runs
 * the installed bin with an older Node when the machine has one. Exits 1 on the first surprise.
 *
 * The empty project gets a lockfile made from ours (our production dependencies, at the
 * versions the tests ran with, plus the tarball): npm resolves a tarball's dependencies from
 * registry metadata, which `npm ci` never caches, so without it an offline install cannot work.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'twelve-factor-review';
const NOT_SHIPPED = [/(^|\/)(test|tests|__tests__|fixtures|examples|scripts|coverage)\//, /(^|\/)\.env(\.|$)/, /\.(test|spec)\./, /\.ts$/];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  integrity: string;
  files: { path: string }[];
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

class PackageCheckFailure extends Error {}

const workspace = mkdtempSync(path.join(tmpdir(), 'tfr-package-'));
try {
  const packed = pack(workspace);
  console.log(`tarball: ${packed.filename}, ${kib(packed.size)} (${kib(packed.unpackedSize)} unpacked), ${packed.entryCount} files`);
  const unwanted = packed.files.map((file) => file.path).filter((file) => !file.endsWith('.d.ts') && NOT_SHIPPED.some((pattern) => pattern.test(file)));
  expect(unwanted.length === 0, `the tarball carries files it should not: ${unwanted.slice(0, 5).join(', ')}`);

  const project = path.join(workspace, 'project');
  mkdirSync(project);
  writeProject(project, packed);
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], project, 'installing the tarball offline');
  console.log('installed offline from the npm cache');

  const violating = fixture(workspace, 'violating', { 'server.js': 'const http = require("node:http");\nhttp.createServer(() => {}).listen(3000);\n' });
  const clean = fixture(workspace, 'clean', { 'server.js': 'const http = require("node:http");\nhttp.createServer(() => {}).listen(Number(process.env.PORT));\n' });
  const found = npx(project, violating);
  expect(found.status === 1, `scan of a violating directory exited ${found.status}, expected 1:\n${found.stderr}`);
  expect(found.stdout.includes('port-binding/no-hardcoded-port'), `scan of a violating directory did not report port-binding/no-hardcoded-port:\n${found.stdout}`);
  console.log(`Node ${process.versions.node}: scan of a violating directory exited 1 and reported port-binding/no-hardcoded-port`);
  const passed = npx(project, clean);
  expect(passed.status === 0, `scan of a clean directory exited ${passed.status}, expected 0:\n${passed.stdout}${passed.stderr}`);
  console.log(`Node ${process.versions.node}: scan of a clean directory exited 0`);

  const oldNode = olderNode();
  if (oldNode === undefined) console.log('no Node older than 22 on PATH: the version check was not tried');
  else {
    const bin = path.join(project, 'node_modules', '.bin', NAME);
    const refused = spawnSync(oldNode.path, [bin, 'scan', clean], { encoding: 'utf8' });
    const expected = `${NAME} needs Node.js 22 or later (found ${oldNode.version})\n`;
    expect(refused.status === 2 && refused.stderr === expected, `Node ${oldNode.version} got exit ${refused.status} and:\n${refused.stderr}`);
    console.log(`Node ${oldNode.version}: exit 2, ${refused.stderr.trim()}`);
  }
  console.log('package check passed');
} catch (error) {
  if (!(error instanceof PackageCheckFailure)) throw error;
  console.error(`package check failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

function pack(destination: string): PackResult {
  const result = run('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], REPOSITORY, 'npm pack');
  // `prepare` (the build) prints to stdout before the JSON.
  const json = result.stdout.slice(result.stdout.indexOf('[\n'));
  return (JSON.parse(json) as PackResult[])[0]!;
}

/** An empty project depending on the tarball, locked to our production dependency tree. */
function writeProject(project: string, packed: PackResult): void {
  const ours = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(path.join(REPOSITORY, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const tarball = `file:../${packed.filename}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'empty-project', dependencies: { [NAME]: tarball } },
    [`node_modules/${NAME}`]: {
      version: ours.version,
      resolved: tarball,
      integrity: packed.integrity,
      license: ours.license,
      dependencies: ours.dependencies,
      bin: ours.bin,
      engines: ours.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    packages[key] = devOptional ? { ...rest, optional: true } : rest;
  }
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'empty-project', private: true, dependencies: { [NAME]: tarball } }, null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({ name: 'empty-project', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

function fixture(parent: string, name: string, files: Record<string, string>): string {
  const directory = path.join(parent, name);
  mkdirSync(directory);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(directory, file), content);
  return directory;
}

/** `npx twelve-factor-review scan DIR` from the project, on this process's Node (22). */
function npx(project: string, directory: string): SpawnSyncReturns<string> {
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  return spawnSync('npx', ['--offline', '--no-install', NAME, 'scan', directory], { cwd: project, env, encoding: 'utf8' });
}

/** The first `node` on PATH outside node_modules whose major version is below 22. */
function olderNode(): { path: string; version: string } | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!directory || directory.includes('node_modules')) continue;
    const candidate = path.join(directory, 'node');
    const probe = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = probe.stdout?.trim();
    if (probe.status === 0 && version && Number(version.split('.')[0]) < 22) return { path: candidate, version };
  }
  return undefined;
}

function run(command: string, args: string[], cwd: string, what: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(result.status === 0, `${what} failed (exit ${result.status}):\n${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return result;
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new PackageCheckFailure(message);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
