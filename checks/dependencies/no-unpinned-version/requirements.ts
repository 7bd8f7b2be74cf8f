import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { isDevelopmentRequirementsPath, reviewedRequirementsFile } from '../../../src/languages/python/requirements-file.ts';
import { movingSource, pinsOneRelease } from './python-sources.ts';

export default defineDetector<MessageId>({
  kinds: ['requirements'],
  needs: 'text',
  detect(context) {
    const file = reviewedRequirementsFile(context);
    // A compiled file (pip-compile, uv, hashes throughout) is a lock: it pins what it lists.
    if (!file || file.compiled) return;
    const severity = isDevelopmentRequirementsPath(context.path) ? ({ severity: 'notice' } as const) : {};
    for (const entry of file.entries) {
      const name = entry.name ?? entry.text;
      if (entry.source.kind === 'index') {
        if (pinsOneRelease(entry.source.specifier)) continue;
        context.report({ range: entry.range, messageId: 'rangePython', data: { name, requirement: entry.text }, ...severity });
        continue;
      }
      const moving = movingSource(entry.source);
      if (moving) context.report({ range: entry.range, messageId: 'branchPython', data: { name, ...moving, pin: '`@v1.2.3`' }, ...severity });
    }
  },
});
