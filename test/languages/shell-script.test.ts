import { beforeAll, describe, expect, it } from 'vitest';
import { loadShellGrammar } from '../../src/languages/shell/parse-shell.ts';
import { readShellScript, type ShellStatement } from '../../src/languages/shell/script.ts';

beforeAll(async () => {
  await loadShellGrammar();
});

/** A compact picture of the statements: commands as text, structure as nested arrays. */
function shape(statement: ShellStatement): unknown {
  switch (statement.type) {
    case 'command':
      return `${statement.command.words.map((word) => word.value).join(' ')}${statement.background ? ' &' : ''}${statement.redirects.map((r) => ` ${r.descriptor ?? ''}${r.operator}${r.target?.value ?? ''}`).join('')}`;
    case 'group':
      return { group: statement.body.map(shape), redirects: statement.redirects.map((r) => `${r.operator}${r.target?.value}`), piped: statement.piped };
    case 'and':
    case 'or':
      return { [statement.type]: [shape(statement.left), shape(statement.right)] };
    case 'if':
      return { if: statement.clauses.map((clause) => [clause.condition.map(shape), clause.body.map(shape)]), else: statement.otherwise?.map(shape) };
    case 'case':
      return { case: statement.subject.value, items: statement.items.map((item) => [item.patterns, item.body.map(shape)]) };
    case 'loop':
      return { loop: statement.body.map(shape), forever: statement.forever };
    case 'function':
      return { function: statement.name, body: statement.body.map(shape) };
    case 'test':
      return { test: statement.words, negated: statement.negated };
  }
}

const read = (text: string) => readShellScript(text).statements.map(shape);

describe('readShellScript', () => {
  it('reads sequences, lists, background jobs and redirections', () => {
    expect(read('set -e\nexec >>/var/log/app.log 2>&1\npython manage.py migrate && exec gunicorn app:app\ncelery -A proj worker &\nnode a.js || true')).toEqual([
      'set -e',
      'exec >>/var/log/app.log 2>&1',
      { and: ['python manage.py migrate', 'exec gunicorn app:app'] },
      'celery -A proj worker &',
      { or: ['node a.js', 'true'] },
    ]);
  });

  it('reads if/elif/else with their tests, and case dispatch with patterns', () => {
    expect(read('if [ "${RUN_MIGRATIONS:-false}" = true ]; then migrate; elif test -n "$X"; then a; else b; fi')).toEqual([
      { if: [[[{ test: ['${RUN_MIGRATIONS:-false}', '=', 'true'], negated: false }], ['migrate']], [[{ test: ['-n', '$X'], negated: false }], ['a']]], else: ['b'] },
    ]);
    expect(read('case "$1" in\n  web|server) exec gunicorn app:app ;;\n  *) exec "$@" ;;\nesac')).toEqual([
      { case: '$1', items: [[['web', 'server'], ['exec gunicorn app:app']], [['*'], ['exec $@']]] },
    ]);
  });

  it('reads functions, loops, groups and pipelines', () => {
    expect(read('start() {\n  node server.js\n}\nwhile true; do node w.js; done\n{ a; b; } > out.log\n(cd x && y) | tee out.log')).toEqual([
      { function: 'start', body: ['node server.js'] },
      { loop: ['node w.js'], forever: true },
      { group: ['a', 'b'], redirects: ['>out.log'], piped: false },
      { group: [{ group: [{ and: ['cd x', 'y'] }], redirects: [], piped: true }, 'tee out.log'], redirects: [], piped: true },
    ]);
  });

  it('reads a here-document fed to a shell as commands and any other as data', () => {
    const text = "cat > /etc/app.conf <<EOF\nmigrate\nEOF\nsh <<'X'\nnpm run migrate\nX\n";
    const [data, shell] = readShellScript(text).statements;
    expect(data?.type === 'command' && data.here).toBeUndefined();
    expect(shell?.type === 'command' && shell.here?.map(shape)).toEqual(['npm run migrate']);
    const here = shell?.type === 'command' ? shell.here?.[0] : undefined;
    expect(here?.type === 'command' && text.slice(here.command.start, here.command.end)).toBe('npm run migrate');
  });

  it('reads a bare assignment as one assignment word, not a command named after the variable', () => {
    expect(read('LOG_FILE="/var/log/api.log"\nexport PORT=8080\nA=1 B=2')).toEqual(['LOG_FILE=/var/log/api.log', 'export PORT=8080', 'A=1 B=2']);
  });

  it('keeps comments and echo text out of commands', () => {
    expect(read('# python manage.py migrate\necho "run migrate first"')).toEqual(['echo run migrate first']);
  });
});
