import path from 'node:path/posix';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';

/**
 * Name parts that mark a file meant to be committed: a template without real values
 * (`.env.example`), shared non-secret defaults (`.env.defaults`, dotenv-defaults), test-run
 * settings (`.env.test`), or an encrypted file (dotenv-vault's `.env.vault`, sops' `.env.enc`).
 */
const COMMITTABLE = new Set([
  'example', 'examples', 'sample', 'samples', 'template', 'tmpl', 'tpl', 'dist', 'defaults', 'default', 'schema',
  'test', 'testing', 'vault', 'enc', 'encrypted',
]);

export default defineDetector<MessageId>({
  kinds: ['env-file'],
  needs: 'text',
  detect(context) {
    const name = path.basename(context.path).toLowerCase();
    const parts = name.split('.').filter((part) => part !== '' && part !== 'env');
    if (parts.some((part) => COMMITTABLE.has(part))) return;
    const first = context.lines()[0] ?? '';
    context.report({ loc: { line: 1, column: 1, endLine: 1, endColumn: first.length + 1 }, messageId: 'committed', data: { file: context.path } });
  },
});
