import type { CallExpression, SourceFile } from 'ts-morph';
import type { CheckContext } from '../define-check.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../src/engine/file-kind.ts';
import { TREE_SITTER_GRAMMARS } from '../../src/languages/index.ts';
import { loadTreeSitterLanguage } from '../../src/languages/tree-sitter.ts';
import { normaliseModule, requireSpecifier } from '../../src/languages/javascript/imports.ts';
import { loadTsMorph, Node, SyntaxKind } from '../../src/languages/javascript/lazy-ts-morph.ts';
import { scriptNodesOfFile } from '../../src/languages/javascript/long-running-sites.ts';
import { handlesShutdownSignal, signalRegistrations } from '../../src/languages/javascript/signal-registrations.ts';
import { pythonModule, repositoryModule, type PythonModule } from '../../src/languages/python/module.ts';
import { handlesSignal, signalHandlers } from '../../src/languages/python/signal-handlers.ts';

/**
 * JS/TS libraries that install SIGTERM/SIGINT handling for the app: importing one anywhere counts
 * as handling the signal (each of them listens for SIGTERM and SIGINT).
 */
const SHUTDOWN_HELPERS = [
  '@godaddy/terminus',
  'http-terminator',
  'stoppable',
  'lightship',
  'close-with-grace',
  'http-graceful-shutdown',
  'fastify-graceful-shutdown',
  'exit-hook',
  'async-exit-hook',
  'signal-exit',
];

/** Text one of which a script handling shutdown contains: the prefilter before parsing it. */
const SCRIPT_WORDS = ['SIGTERM', 'SIGINT', 'enableShutdownHooks', 'terminus', 'http-terminator', 'stoppable', 'lightship', 'close-with-grace', 'graceful-shutdown', 'exit-hook', 'signal-exit'];

/**
 * The repository fact "something handles SIGTERM", whatever the language: a JS/TS script
 * registering SIGTERM/SIGINT listeners or using a graceful-shutdown helper (RULES.md), or a
 * Python module installing a SIGTERM handler with `signal.signal` or `loop.add_signal_handler`
 * (RULES-python.md: SIGINT alone, `atexit`, `except KeyboardInterrupt` do not count). Test code
 * is not application code; launchers under scripts/ are (they pass the signal on).
 *
 * Computed once per run, whichever detector asks first. Files are sifted by their text first
 * (most never name a signal), and a parser is loaded only for a language with a candidate:
 * a Python review of a repository whose scripts never mention SIGTERM never loads ts-morph.
 */
export function handlesSigterm(context: CheckContext): Promise<boolean> {
  return context.perRun('support:handles-sigterm', () => computeHandlesSigterm(context));
}

async function computeHandlesSigterm(context: CheckContext): Promise<boolean> {
  const scripts: string[] = [];
  const modules: string[] = [];
  const paths = context.repo.has(context.path) ? context.repo.paths() : [...context.repo.paths(), context.path];
  for (const filePath of paths) {
    if (isTestPath(filePath) || defaultSkipReason(filePath) !== undefined) continue;
    const kind = fileKindOf(filePath);
    if (kind !== 'javascript' && kind !== 'python') continue;
    const text = filePath === context.path ? context.text : context.repo.read(filePath);
    if (text === undefined) continue;
    if (kind === 'javascript' && SCRIPT_WORDS.some((word) => text.includes(word))) scripts.push(filePath);
    if (kind === 'python' && text.includes('SIGTERM')) modules.push(filePath);
  }
  // The language of the file under review first: its parser is loaded already.
  const languages = [() => anyScriptHandles(context, scripts), () => anyModuleHandles(context, modules)];
  if (context.kind === 'python') languages.reverse();
  for (const handles of languages) if (await handles()) return true;
  return false;
}

async function anyScriptHandles(context: CheckContext, scripts: readonly string[]): Promise<boolean> {
  if (scripts.length === 0) return false;
  await loadTsMorph();
  for (const filePath of scripts) {
    const own = filePath === context.path && context.kind === 'javascript';
    const sourceFile = own ? context.ast() : context.parseScript(filePath);
    if (!sourceFile) continue;
    const calls = own ? context.ofKind(SyntaxKind.CallExpression) : scriptNodesOfFile(sourceFile).calls;
    if (scriptHandlesShutdown(sourceFile, calls)) return true;
  }
  return false;
}

async function anyModuleHandles(context: CheckContext, modules: readonly string[]): Promise<boolean> {
  if (modules.length === 0) return false;
  await loadTreeSitterLanguage(TREE_SITTER_GRAMMARS.python!);
  for (const filePath of modules) {
    const module = filePath === context.path && context.kind === 'python' ? pythonModule(context) : repositoryModule(context, filePath);
    if (module && moduleHandlesSigterm(module)) return true;
  }
  return false;
}

/** A SIGTERM handler, or a registration whose signal is known only at run time (the module names SIGTERM). */
function moduleHandlesSigterm(module: PythonModule): boolean {
  return signalHandlers(module).some((registration) => handlesSignal(registration, 'SIGTERM') || (registration.signals === undefined && !registration.disposition));
}

function scriptHandlesShutdown(sourceFile: SourceFile, calls: readonly CallExpression[]): boolean {
  const text = sourceFile.getFullText();
  for (const registration of signalRegistrations(calls)) {
    if (handlesShutdownSignal(registration)) return true;
    // `process.on(signal, …)` with a signal known only at run time, in a file that names SIGTERM.
    if (registration.signals === undefined && (text.includes('SIGTERM') || text.includes('SIGINT'))) return true;
  }
  for (const call of calls) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'enableShutdownHooks') return true;
    const specifier = requireSpecifier(call) ?? dynamicImportSpecifier(call);
    if (specifier !== undefined && isShutdownHelper(specifier)) return true;
  }
  return sourceFile.getImportDeclarations().some((declaration) => isShutdownHelper(declaration.getModuleSpecifierValue()));
}

function isShutdownHelper(specifier: string): boolean {
  const module = normaliseModule(specifier);
  return SHUTDOWN_HELPERS.some((helper) => module === helper || module.startsWith(`${helper}/`));
}

function dynamicImportSpecifier(call: CallExpression): string | undefined {
  if (call.getExpression().getKind() !== SyntaxKind.ImportKeyword) return undefined;
  const [argument] = call.getArguments();
  return argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
}
