import type { CallExpression, SourceFile } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { normaliseModule, requireSpecifier } from '../../../src/languages/javascript/imports.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../../src/engine/file-kind.ts';
import { fileLongRunningSites, firstLongRunningPath, scriptNodesOfFile } from '../../../src/languages/javascript/long-running-sites.ts';
import { handlesShutdownSignal, signalRegistrations } from '../../../src/languages/javascript/signal-registrations.ts';

/**
 * Libraries that install SIGTERM/SIGINT handling for the app: importing one anywhere counts as
 * handling the signal (the brief's five, plus the other common graceful-shutdown and exit-hook
 * packages, each of which listens for SIGTERM and SIGINT).
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

/** Text one of which a file handling shutdown contains: the prefilter before parsing it. */
const HANDLER_WORDS = ['SIGTERM', 'SIGINT', 'enableShutdownHooks', 'terminus', 'http-terminator', 'stoppable', 'lightship', 'close-with-grace', 'graceful-shutdown', 'exit-hook', 'signal-exit'];

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    const sites = fileLongRunningSites(context);
    const first = sites[0];
    if (!first) return;
    if (shutdownHandledInRepository(context)) return;
    if (firstLongRunningPath(context) !== context.path) return;
    context.report({ range: first.range, messageId: 'missing', data: { what: first.label } });
  },
});

/** True when any application script of the repository handles SIGTERM/SIGINT. Memoised per run. */
function shutdownHandledInRepository(context: CheckContext): boolean {
  return context.perRun('disposability:shutdown-handled', () => {
    const candidates = context.repo.has(context.path) ? context.repo.paths() : [...context.repo.paths(), context.path];
    for (const filePath of candidates) {
      // Lenient on purpose: a handler in a launcher under scripts/ still handles the signal.
      if (fileKindOf(filePath) !== 'javascript' || isTestPath(filePath) || defaultSkipReason(filePath) !== undefined) continue;
      const own = filePath === context.path;
      const text = own ? context.text : context.repo.read(filePath);
      if (text === undefined || !HANDLER_WORDS.some((word) => text.includes(word))) continue;
      const sourceFile = own ? context.ast() : context.parseScript(filePath);
      if (!sourceFile) continue;
      const calls = own ? context.ofKind(SyntaxKind.CallExpression) : scriptNodesOfFile(sourceFile).calls;
      if (handlesShutdown(sourceFile, calls, text)) return true;
    }
    return false;
  });
}

function handlesShutdown(sourceFile: SourceFile, calls: readonly CallExpression[], text: string): boolean {
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
