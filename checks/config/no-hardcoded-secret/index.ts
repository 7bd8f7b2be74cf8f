import { defineCheck, type CheckMeta } from '../../define-check.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 3,
  severity: 'error',
  title: 'Hard-coded secret handed to a library that expects one',
  description:
    "A session secret, signing key or database password written in the code — `session({ secret: 'keyboard cat' })`, `jwt.sign(payload, 'changeme')`, `SECRET_KEY = \"dev\"`, `password: 'root'` — is the same in every deploy and known to everyone who can read the repository, whatever its entropy: anyone can forge sessions and tokens or log in to the database. Credentials are config (factor III) and belong in the environment.",
  fix: 'Read the secret from the environment (or a secret manager) and fail at start-up when it is missing; rotate the value that was committed.',
  messages: {
    literal: 'Config (III): {{api}} gets the hard-coded secret {{preview}}; read it from process.env and fail at start-up when it is missing.',
    literalPython: 'Config (III): {{api}} gets the hard-coded secret {{preview}}; read it from os.environ and fail at start-up when it is missing.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-hardcoded-secret',
  meta,
  detectors: [javascript, python],
});
