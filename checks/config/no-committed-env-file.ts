import path from 'node:path/posix';
import { defineCheck } from '../define-check.ts';

/**
 * Name parts that mark a file meant to be committed: a template without real values
 * (`.env.example`), shared non-secret defaults (`.env.defaults`, dotenv-defaults), test-run
 * settings (`.env.test`), or an encrypted file (dotenv-vault's `.env.vault`, sops' `.env.enc`).
 */
const COMMITTABLE = new Set([
  'example', 'examples', 'sample', 'samples', 'template', 'tmpl', 'tpl', 'dist', 'defaults', 'default', 'schema',
  'test', 'testing', 'vault', 'enc', 'encrypted',
]);

export default defineCheck({
  id: 'config/no-committed-env-file',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Committed .env file',
    description:
      'Config that varies between deploys — credentials, hosts, per-environment values — lives in the environment, never in the codebase. A committed `.env` file puts one environment\'s config (often its secrets) into every clone and every image, and invites the code to depend on that file instead of the real environment. A `.env.example` with names and placeholder values documents the variables without holding any.',
    fix: 'Delete the file from the repository, add it to .gitignore, and commit a `.env.example` with the variable names and placeholder values instead.',
    kinds: ['env-file'],
    needs: 'text',
    messages: {
      committed:
        'Config (III): {{file}} is committed to the repository, but the config it holds belongs in the environment; remove it, add it to .gitignore and commit a `.env.example` without real values instead.',
    },
  },
  detect(context) {
    const name = path.basename(context.path).toLowerCase();
    const parts = name.split('.').filter((part) => part !== '' && part !== 'env');
    if (parts.some((part) => COMMITTABLE.has(part))) return;
    const first = context.lines()[0] ?? '';
    context.report({ loc: { line: 1, column: 1, endLine: 1, endColumn: first.length + 1 }, messageId: 'committed', data: { file: context.path } });
  },
});
