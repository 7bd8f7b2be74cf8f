import path from 'node:path/posix';
import picomatch from 'picomatch';
import { defaultSkipReason, fileKindOf, hasStartScriptName, isTestPath } from '../engine/file-kind.ts';
import { DockerfileParser, JSONInstruction } from 'dockerfile-ast';
import { mayPinImages } from '../languages/kubernetes/pinned-images.ts';
import { parseCommandLine } from '../languages/shell/command-line.ts';
import { parseProcfile } from '../languages/shell/procfile.ts';

/**
 * At most this many unchanged files per revision are fetched for the rules that look beyond
 * the changed files: a fixed number of GraphQL batches whatever the repository's size.
 */
export const MAX_REPOSITORY_FILES = 200;

const SCRIPT = '{js,cjs,mjs,ts,cts,mts}';
const ENTRY_NAMES = '{index,main,server,app,worker,start}';

/** Conventional entry points: where servers start and SIGTERM handlers usually live. */
const CONVENTIONAL_ENTRY = picomatch([
  `{,src/,app/,server/,lib/,bin/}${ENTRY_NAMES}.${SCRIPT}`,
  `{packages,apps,services}/*/{,src/}${ENTRY_NAMES}.${SCRIPT}`,
]);

const CONFIG_FILE = /^(?:tsconfig(?:\.[\w-]+)?|jsconfig)\.json$/;

/**
 * Which files of a revision, besides the changed ones, the review fetches so that rules looking
 * beyond the changed files see what they need, within MAX_REPOSITORY_FILES:
 * 1. manifests: every package.json, tsconfig/jsconfig, Dockerfile, compose file and Procfile,
 *    and Python's dependency manifests (requirements files, pyproject.toml, Pipfile): which
 *    packages the repository declares, and whether a requirements file is a compiled lock;
 *    kustomize files and skaffold.yaml: which images the repository pins outside manifests;
 * 2. conventional entry points (`index`, `main`, `server`, `app`, `worker`, `start` scripts at
 *    the root, in `src/`, `app/`, `server/`, `lib/`, `bin/`, or in a workspace package);
 * 3. with `manifests` (the contents of those already fetched), the scripts they start:
 *    package.json `main`, `bin` and `start` script, Procfile commands, Dockerfile CMD and
 *    ENTRYPOINT, a `dist/x.js` entry also looked up as `src/x.ts`.
 * Lockfiles need no content (rules test their presence). Vendored, generated and test files are
 * never selected. Shallower paths first, so the root's files survive the cap.
 */
export function selectRepositoryFiles(paths: readonly string[], manifests: ReadonlyMap<string, string> = new Map()): string[] {
  const exists = new Set(paths);
  const eligible = (filePath: string) => !defaultSkipReason(filePath) && !isTestPath(filePath);
  const selected = new Set<string>();
  for (const filePath of paths) {
    if (eligible(filePath) && (isManifest(filePath) || CONVENTIONAL_ENTRY(filePath) || hasStartScriptName(filePath))) selected.add(filePath);
  }
  for (const [manifest, text] of manifests) {
    for (const entry of declaredEntries(manifest, text)) {
      const found = candidates(entry, paths).find((candidate) => exists.has(candidate));
      if (found && eligible(found)) selected.add(found);
    }
  }
  return [...selected].sort(byDepth).slice(0, MAX_REPOSITORY_FILES);
}

/** Kinds of files whose contents declare dependencies or name the scripts a deployment starts. */
const MANIFEST_KINDS: ReadonlySet<string> = new Set(['package-json', 'dockerfile', 'compose', 'procfile', 'requirements', 'pyproject', 'pipfile']);

/**
 * Files whose contents declare dependencies or name the scripts a deployment starts, and the
 * kustomize and Skaffold files that pin the images Kubernetes manifests deploy.
 */
export function isManifest(filePath: string): boolean {
  return MANIFEST_KINDS.has(fileKindOf(filePath)) || CONFIG_FILE.test(path.basename(filePath)) || mayPinImages(filePath) || path.basename(filePath) === 'heroku.yml';
}


function byDepth(a: string, b: string): number {
  return a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Script paths a manifest starts, relative to the repository root (read with the one shell reader; the grammar must be loaded). */
function declaredEntries(manifest: string, text: string): string[] {
  const dir = path.dirname(manifest);
  const kind = fileKindOf(manifest);
  let commands: string[][] = [];
  let files: string[] = [];
  if (kind === 'package-json') {
    const pkg = parseJson(text);
    files = [pkg?.main, ...(typeof pkg?.bin === 'string' ? [pkg.bin] : Object.values(pkg?.bin ?? {}))].filter(
      (value): value is string => typeof value === 'string',
    );
    const start = pkg?.scripts?.start;
    if (typeof start === 'string') commands = parseCommandLine(start);
  } else if (kind === 'procfile') {
    commands = parseProcfile(text).flatMap((entry) => parseCommandLine(entry.command));
  } else if (kind === 'dockerfile') {
    commands = startInstructionWords(text);
  }
  const scripts = commands.flat().filter((word) => SCRIPT_FILE.test(word) || /^\.{0,2}\//.test(word) || word.startsWith('bin/'));
  return [...files, ...scripts]
    .map((file) => (file.startsWith('/') ? path.basename(file) : path.normalize(path.join(dir, file))))
    .filter((file) => !file.startsWith('..'));
}

const SCRIPT_FILE = /\.(?:[cm]?[jt]s|sh|bash)$/;

/** The words of a Dockerfile's CMD and ENTRYPOINT lines, exec or shell form. */
function startInstructionWords(text: string): string[][] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === 'CMD' || instruction.getKeyword() === 'ENTRYPOINT')
    .flatMap((instruction) =>
      instruction instanceof JSONInstruction && instruction.getJSONStrings().length > 0
        ? [instruction.getJSONStrings().map((string) => string.getJSONValue())]
        : parseCommandLine(instruction.getArgumentsContent() ?? ''),
    );
}

interface PackageJson {
  main?: unknown;
  bin?: string | Record<string, unknown>;
  scripts?: Record<string, unknown>;
}

function parseJson(text: string): PackageJson | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a declared entry's source may be: as written, with an extension, or its source for a build output. */
/** The repository paths an entry may be: a built `dist/x.js` as its `src/x.ts`, an image path (`/usr/local/bin/x.sh`) by its name. */
function candidates(entry: string, paths: readonly string[]): string[] {
  if (!entry.includes('/')) return [entry, ...paths.filter((candidate) => path.basename(candidate) === entry)];
  const bare = entry.replace(/\.[cm]?[jt]s$/, '');
  const withExtensions = (base: string) => ['js', 'ts', 'mjs', 'cjs', 'mts', 'cts'].map((ext) => `${base}.${ext}`);
  const source = bare.replace(/(^|\/)(?:dist|build|out|lib)\//, '$1src/');
  return [entry, ...withExtensions(bare), ...withExtensions(`${bare}/index`), ...(source !== bare ? withExtensions(source) : [])];
}
