import { defineCheck, type CheckMeta } from '../../define-check.ts';
import envFile from './env-file.ts';

const meta = {
  factor: 3,
  severity: 'error',
  title: 'Committed .env file',
  description:
    'Config that varies between deploys — credentials, hosts, per-environment values — lives in the environment, never in the codebase. A committed `.env` file puts one environment\'s config (often its secrets) into every clone and every image, and invites the code to depend on that file instead of the real environment. A `.env.example` with names and placeholder values documents the variables without holding any.',
  fix: 'Delete the file from the repository, add it to .gitignore, and commit a `.env.example` with the variable names and placeholder values instead.',
  messages: {
    committed:
      'Config (III): {{file}} is committed to the repository, but the config it holds belongs in the environment; remove it, add it to .gitignore and commit a `.env.example` without real values instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-committed-env-file',
  meta,
  detectors: [envFile],
});
