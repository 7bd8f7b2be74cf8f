import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveCommand, parseShellCommands } from '../../src/languages/shell/commands.ts';
import { loadShellGrammar } from '../../src/languages/shell/parse-shell.ts';
import { DYNAMIC, parseCommandLine } from '../../src/languages/shell/command-line.ts';

beforeAll(async () => {
  await loadShellGrammar();
});

const words = (text: string) => parseShellCommands(text).map((command) => [command.words.map((word) => word.value).join(' '), command.separator]);

describe('parseShellCommands (tree-sitter-bash)', () => {
  it('splits lists, pipelines and sequences, keeping each command\'s separator', () => {
    expect(words('python manage.py migrate && exec gunicorn app:app | tee out; echo done &\nnode w.js')).toEqual([
      ['python manage.py migrate', '&&'],
      ['exec gunicorn app:app', '|'],
      ['tee out', ';'],
      ['echo done', '&'],
      ['node w.js', ''],
    ]);
  });

  it('unquotes words and keeps expansions as written', () => {
    expect(words(`gunicorn app:app --bind "0.0.0.0:$PORT" --name 'web 1' --log-file=-\\\n  --access-logfile \\-`)).toEqual([
      ['gunicorn app:app --bind 0.0.0.0:$PORT --name web 1 --log-file=- --access-logfile -', ''],
    ]);
  });

  it('keeps exact offsets, shifted by the given offset', () => {
    const [command] = parseShellCommands(`  npm  "run" start`, { offset: 100 });
    expect(command!.words.map((word) => [word.value, word.start, word.end, word.quoted])).toEqual([
      ['npm', 102, 105, false],
      ['run', 107, 112, true],
      ['start', 113, 118, false],
    ]);
  });

  it('drops redirections and comments, and reads neither here-document bodies nor $(…) as commands', () => {
    expect(words('node app.js >> /var/log/app.log 2>&1 # start\ncat <<EOF > conf\nrm -rf /\nEOF\necho $(whoami)')).toEqual([
      ['node app.js', '\n'],
      ['cat', '\n'],
      ['echo $(whoami)', ''],
    ]);
  });

  it('reads commands inside if, case, functions and subshells (a `[ … ]` test is not a command)', () => {
    const script = 'set -e\nstart() {\n  exec node server.js\n}\ncase "$1" in\n  web) start ;;\n  worker) node worker.js ;;\nesac\nif [ -f x ]; then (cd a && make); fi\n';
    expect(words(script).map(([command]) => command)).toEqual(['set -e', 'exec node server.js', 'start', 'node worker.js', 'cd a', 'make']);
  });

  it('keeps leading assignments as words, for effectiveCommand to strip', () => {
    const [command] = parseShellCommands('NODE_ENV=production FOO="a b" node app.js');
    expect(command!.words.map((word) => word.value)).toEqual(['NODE_ENV=production', 'FOO=a b', 'node', 'app.js']);
    expect(effectiveCommand(command!).words.map((word) => word.value)).toEqual(['node', 'app.js']);
  });

  it('reads the intact parts of text that does not parse as a whole', () => {
    expect(words('npm ci && node server.js && (').map(([command]) => command)).toEqual(['npm ci', 'node server.js']);
  });

  it("honours a Dockerfile's backtick escape for line continuations", () => {
    const [command] = parseShellCommands('npm ci `\n  --omit=dev', { escape: '`' });
    expect(command!.words.map((word) => word.value)).toEqual(['npm', 'ci', '--omit=dev']);
  });
});

describe('parseCommandLine (commands the app itself runs)', () => {
  it('drops wrappers and expands sh -c, marking run-time parts', () => {
    expect(parseCommandLine(`sudo -E timeout 30 sh -c 'cd /tmp && curl -O ${DYNAMIC}' && convert $(ls *.png) out.pdf`)).toEqual([
      ['cd', '/tmp'],
      ['curl', '-O', DYNAMIC],
      ['convert', DYNAMIC, 'out.pdf'],
    ]);
  });
});

describe('su -c', () => {
  it('reads the command string su runs as shell', () => {
    expect(parseCommandLine(`su app -c 'python manage.py migrate && exec gunicorn app.wsgi'`)).toEqual([
      ['python', 'manage.py', 'migrate'],
      ['gunicorn', 'app.wsgi'],
    ]);
    expect(parseCommandLine('su -s /bin/sh -c "node server.js" app')).toEqual([['node', 'server.js']]);
    expect(parseCommandLine('su - app')).toEqual([['su', '-', 'app']]);
  });
});
