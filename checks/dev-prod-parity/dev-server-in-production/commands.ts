import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { longRunningCommands, START_SITE_KINDS } from '../../support/process-model/detector.ts';
import { developmentServer } from '../../support/process-model/programs.ts';
import { fileKindOf } from '../../../src/engine/file-kind.ts';

/**
 * The main process of a production start path is a development server or runs in watch or
 * reload mode (RULES-commands.md §4.5, §5); `tsx FILE` runs TypeScript without a build: a notice.
 * Development-only sites are not start sites, and one-offs are not main processes of
 * long-running paths. When `npm start` is a start site only because nothing else declares one
 * (§2.5), production may never run it (a front end's `react-scripts start` beside a static
 * build): a notice too.
 */
export default defineDetector<MessageId>({
  kinds: START_SITE_KINDS,
  needs: 'shell',
  detect(context) {
    for (const { path, command, data } of longRunningCommands(context)) {
      if (!path.mains.includes(command)) continue;
      const level = developmentServer(command.words);
      if (!level) continue;
      const implicit = fileKindOf(path.site.file) === 'package-json';
      context.report({
        range: command.at,
        messageId: level === 'notice' ? 'typescriptRunner' : 'devServer',
        data,
        ...(level === 'notice' || implicit ? { severity: 'notice' as const } : {}),
      });
    }
  },
});
