import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 4,
  severity: 'warning',
  title: 'Backing service client with a hard-coded host',
  description:
    'Databases, caches, brokers and mail servers are attached resources: which instance the app talks to is config that differs per deploy, and swapping one for another must need no code change. A client constructed with a literal host or IP pins every environment to one machine, and breaks as soon as that machine moves.',
  fix: 'Read the host (or a whole connection URL) from an environment variable and pass that to the client.',
  messages: {
    host: "Backing services (IV): {{client}} client connects to hard-coded host '{{host}}'; read the host (or a connection URL) from the environment instead.",
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'backing-services/no-hardcoded-host',
  meta,
  detectors: [javascript, python],
});
