import path from 'node:path/posix';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { localPathOf, reviewedRequirementsFile } from '../../../src/languages/python/requirements-file.ts';
import { escapesRepository } from './outside-repository.ts';

export default defineDetector<MessageId>({
  kinds: ['requirements'],
  needs: 'text',
  detect(context) {
    // pip reads relative paths from where it runs; judged from the file's own directory, a path
    // is reported only when it leaves the repository whichever of those directories pip ran in.
    const dir = directoryOf(context.path);
    for (const entry of reviewedRequirementsFile(context)?.entries ?? []) {
      const target = localPathOf(entry.source);
      if (target === undefined || !escapesRepository(dir, target)) continue;
      const spec = entry.editable ? `-e ${entry.text}` : entry.text;
      context.report({ range: entry.range, messageId: 'outside', data: { name: entry.name ?? path.basename(target), spec } });
    }
  },
});
