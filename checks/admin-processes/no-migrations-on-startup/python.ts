import { defineDetector } from '../../define-check.ts';
import { isStartUpCode } from '../../../src/languages/python/is-start-up-code.ts';
import { pythonModule } from '../../../src/languages/python/module.ts';
import { schemaChangeCall } from '../../../src/languages/python/schema-change-call.ts';
import { spawnedCommand } from '../../../src/languages/python/spawned-command.ts';
import { adminTaskOfCommand } from '../../support/admin-task-of.ts';
import type { MessageId } from './index.ts';

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!/create_all|migrat|upgrade|alembic|subprocess|os\.system|system\(/.test(context.text)) return;
    const module = pythonModule(context);
    for (const call of module.calls) {
      const change = schemaChangeCall(module, call);
      const range = [call.startIndex, call.endIndex] as const;
      if (change && (change.kind === 'migrations' || change.label.endsWith('create_all()'))) {
        if (!isStartUpCode(context, call)) continue;
        context.report({ range, messageId: change.kind === 'migrations' ? 'call' : 'plainSync', data: { call: change.label } });
        continue;
      }
      const spawned = spawnedCommand(module, call);
      if (spawned?.text === undefined || adminTaskOfCommand(spawned.text) !== 'migrations' || !isStartUpCode(context, call)) continue;
      context.report({ range, messageId: 'exec', data: { command: spawned.shown! } });
    }
  },
});
