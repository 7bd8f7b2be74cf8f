import { defineCheck, type CheckMeta } from '../../define-check.ts';
import python from './python.ts';

const meta = {
  factor: 3,
  severity: 'warning',
  title: 'Debug mode hard-coded on',
  description:
    'Debug mode shows tracebacks, settings and sometimes an interactive console to whoever triggers an error, reloads code on change and turns production safeguards off. Whether it is on differs per deploy, so it is config: written as a literal in code (`DEBUG = True`, `app.run(debug=True)`) or as the default of its variable, it ships to every deploy that does not override it, production included.',
  fix: 'Read the flag from an environment variable that is off unless set, for example `DEBUG = os.environ.get("DEBUG") == "1"`.',
  fixable: true,
  messages: {
    debug: 'Config (III): {{setting}} turns debug mode on in code; read it from the environment, off unless set, so no deploy runs with debug on.',
    reload: 'Config (III): {{setting}} turns auto-reload on in code; read it from the environment, off unless set, so no deploy watches and reloads its own code.',
    defaultOn:
      'Config (III): {{name}} defaults to debug on when the variable is unset; default to off, so a deploy that forgot it does not run in debug mode.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'config/no-hardcoded-debug',
  meta,
  detectors: [python],
});
