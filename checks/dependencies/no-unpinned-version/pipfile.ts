import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { pipfileDependencies, tomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { reportMovingSources } from './python-sources.ts';

export default defineDetector<MessageId>({
  kinds: ['pipfile'],
  needs: 'toml',
  detect(context) {
    const document = tomlDocument(context);
    reportMovingSources(context, document, pipfileDependencies(document), '`ref = "v1.2.3"`');
  },
});
