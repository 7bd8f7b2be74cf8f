import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { fileLongRunningSites, firstLongRunningPath } from '../../../src/languages/javascript/long-running-sites.ts';
import { handlesSigterm } from '../../support/handles-sigterm.ts';

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  async detect(context) {
    const sites = fileLongRunningSites(context);
    const first = sites[0];
    if (!first) return;
    if (firstLongRunningPath(context) !== context.path) return;
    if (await handlesSigterm(context)) return;
    context.report({ range: first.range, messageId: 'missing', data: { what: first.label } });
  },
});
