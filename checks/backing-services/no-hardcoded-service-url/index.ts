import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 4,
  severity: 'warning',
  title: 'Hard-coded backing service URL',
  description:
    'A twelve-factor app treats databases, caches, queues and mail servers as attached resources, located by config: swapping a local PostgreSQL for a managed one, or pointing staging at its own Redis, must need no code change. A connection URL written into the code ties every deploy to one service instance and often carries its credentials into the repository.',
  fix: 'Read the connection URL from an environment variable (for example `process.env.DATABASE_URL`, `os.environ["DATABASE_URL"]`) and fail at start-up when it is missing.',
  messages: {
    url: 'Backing services (IV): hard-coded {{service}} connection URL; read it from the environment (e.g. process.env.{{envName}}) instead.',
    urlPython: 'Backing services (IV): hard-coded {{service}} connection URL; read it from the environment (e.g. os.environ["{{envName}}"]) instead.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'backing-services/no-hardcoded-service-url',
  meta,
  detectors: [javascript, python],
});
