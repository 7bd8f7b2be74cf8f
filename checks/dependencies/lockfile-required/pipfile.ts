import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { isTomlTable, siteOf, tomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { missingWhere } from './manifest-directory.ts';
import { pipfileLocked } from './python-locks.ts';

export default defineDetector<MessageId>({
  kinds: ['pipfile'],
  needs: 'toml',
  detect(context) {
    const document = tomlDocument(context);
    const packages = document.value.packages;
    const node = document.nodeAt(['packages']);
    if (!isTomlTable(packages) || Object.keys(packages).length === 0 || !node) return;
    const dir = directoryOf(context.path);
    if (pipfileLocked(context, dir)) return;
    const range = node.type === 'TOMLKeyValue' ? node.key.range : siteOf(node);
    // Pipenv has no workspaces: only the Pipfile.lock beside it pins a Pipfile.
    context.report({ range, messageId: 'missing', data: { file: context.path, where: missingWhere(dir, false), lockfiles: 'Pipfile.lock' } });
  },
});
