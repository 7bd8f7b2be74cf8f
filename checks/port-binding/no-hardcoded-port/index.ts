import { defineCheck, type CheckMeta } from '../../define-check.ts';
import commands from './commands.ts';
import javascript from './javascript.ts';
import python from './python.ts';

const meta = {
  factor: 7,
  severity: 'error',
  title: 'Server listens on a hard-coded port',
  description:
    'A twelve-factor app is self-contained and exports its service by binding to a port the environment assigns (PORT). A literal port collides with other processes on the same host and cannot be changed by the platform without a code change.',
  fix: 'Read the port from the PORT environment variable, keeping the literal only as a local default.',
  fixable: true,
  messages: {
    literal: 'Port binding (VII): server listens on hard-coded port {{port}}; read it from process.env.PORT.',
    literalTravels:
      'Port binding (VII): hard-coded port {{port}} is handed on to {{listen}} ({{file}}, line {{line}}), so the server listens on it; read it from process.env.PORT.',
    literalPython: 'Port binding (VII): {{server}} listens on hard-coded port {{port}}; read it from os.environ["PORT"].',
    literalTravelsPython:
      'Port binding (VII): hard-coded port {{port}} is handed on to {{server}} ({{file}}, line {{line}}), which listens on it; read it from os.environ["PORT"].',
    defaultPython: 'Port binding (VII): {{server}} listens on its default port {{port}}; pass port=int(os.environ["PORT"]).',
    gunicornBind: 'Port binding (VII): gunicorn binds the hard-coded address {{address}}; bind to f"0.0.0.0:{os.environ[\'PORT\']}".',
    commandPort:
      'Port binding (VII): {{process}} binds the literal port {{port}} (`{{option}}`, {{chain}}) where the platform assigns one through PORT, so the router cannot reach it; bind to `$PORT` instead.',
    commandPortAssignment:
      'Port binding (VII): {{process}} sets `PORT={{port}}` ({{chain}}), overriding the port the platform assigns, so the router cannot reach it; drop the assignment and let the platform set PORT.',
    commandDefaultPort:
      'Port binding (VII): {{process}} runs `{{command}}` without a port, so it listens on its default {{port}} ({{chain}}) instead of the port the platform assigns; pass `{{flag}} $PORT`.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'port-binding/no-hardcoded-port',
  meta,
  detectors: [javascript, python, commands],
});
