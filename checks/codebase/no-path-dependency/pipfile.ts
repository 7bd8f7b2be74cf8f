import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { pipfileDependencies, tomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { reportOutsidePaths } from './python-manifest.ts';

export default defineDetector<MessageId>({
  kinds: ['pipfile'],
  needs: 'toml',
  detect(context) {
    const document = tomlDocument(context);
    reportOutsidePaths(context, document, pipfileDependencies(document));
  },
});
