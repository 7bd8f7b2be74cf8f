import { defineDetector, type CheckContext } from '../../define-check.ts';
import { defaultSkipReason, fileKindOf, isTestPath } from '../../../src/engine/file-kind.ts';
import { pythonModule, repositoryModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { servingSites, type ServingSite } from '../../../src/languages/python/serving-sites.ts';
import { handlesSigterm } from '../../support/handles-sigterm.ts';
import { isLocalRunCode, isServedModule, pythonEntryPoints } from '../../support/python-entry-points.ts';
import type { MessageId } from './index.ts';

/** Text one of which a module with a serving site contains: the prefilter before parsing it. */
const SITE_WORDS = ['serve_forever', '.run(', 'start_consuming', 'onsumer', 'receive_message', 'blpop', 'brpop', 'blmove', 'BlockingScheduler', 'run_app'];

/** A site the repository owes a SIGTERM handler, and where it is. */
interface OwedSite {
  path: string;
  site: ServingSite;
  /** A bare `BlockingScheduler` loses at most a job run: a notice. */
  notice: boolean;
}

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  async detect(context) {
    const owed = firstOwedSite(context);
    if (owed?.path !== context.path) return;
    if (await handlesSigterm(context)) return;
    const { site, notice } = owed;
    context.report({
      range: site.range,
      messageId: site.kind === 'flask-run' ? 'flaskRun' : 'missingPython',
      data: { what: site.label },
      ...(notice ? { severity: 'notice' as const } : {}),
    });
  },
});

/**
 * The first site (by path, then position) of the repository's Python modules that owes a SIGTERM
 * handler; a `BlockingScheduler` only when no module serves or consumes. Memoised per run.
 */
function firstOwedSite(context: CheckContext): OwedSite | undefined {
  return context.perRun('python:first-owed-serving-site', () => {
    const paths = context.repo.has(context.path) ? context.repo.paths() : [...context.repo.paths(), context.path].sort();
    let clock: OwedSite | undefined;
    for (const filePath of paths) {
      if (fileKindOf(filePath) !== 'python' || isTestPath(filePath) || defaultSkipReason(filePath) !== undefined) continue;
      const own = filePath === context.path;
      const text = own ? context.text : context.repo.read(filePath);
      if (text === undefined || !SITE_WORDS.some((word) => text.includes(word))) continue;
      const module = own ? pythonModule(context) : repositoryModule(context, filePath);
      if (!module) continue;
      const sites = servingSites(module).filter((site) => owesHandler(context, filePath, module, site));
      const site = sites.find((candidate) => candidate.kind !== 'clock');
      if (site) return { path: filePath, site, notice: false };
      if (sites[0] && !clock) clock = { path: filePath, site: sites[0], notice: true };
    }
    return clock;
  });
}

/**
 * Servers, consumers and `BlockingScheduler`s owe a handler; servers and workers that drain by
 * themselves do not. Flask's `app.run()` counts only where it serves: not in a module gunicorn
 * or uvicorn load, nor in a local-run block.
 */
function owesHandler(context: CheckContext, filePath: string, module: PythonModule, site: ServingSite): boolean {
  if (site.kind === 'self-draining') return false;
  if (site.kind !== 'flask-run') return true;
  const entryPoints = pythonEntryPoints(context);
  if (isServedModule(entryPoints, filePath)) return false;
  return !isLocalRunCode(context, filePath, module, site.node);
}
