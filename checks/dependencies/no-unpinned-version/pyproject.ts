import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { pyprojectDependencies, tomlDocument } from '../../../src/languages/python/pyproject-file.ts';
import { reportMovingSources } from './python-sources.ts';

export default defineDetector<MessageId>({
  kinds: ['pyproject'],
  needs: 'toml',
  detect(context) {
    const document = tomlDocument(context);
    reportMovingSources(context, document, pyprojectDependencies(document), '`tag = "v1.2.3"` or `rev = "<commit>"`');
  },
});
