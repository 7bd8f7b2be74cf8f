/** Package managers and the subcommands that change installed code. */
const INSTALL_COMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(['install', 'i', 'ci', 'add', 'update', 'up', 'upgrade']),
  yarn: new Set(['', 'install', 'add', 'upgrade', 'up']),
  pnpm: new Set(['install', 'i', 'add', 'update', 'up']),
  bun: new Set(['install', 'i', 'add', 'update']),
  pip: new Set(['install']),
  poetry: new Set(['install', 'add', 'update', 'sync']),
  pipenv: new Set(['install', 'update', 'sync']),
  uv: new Set(['add', 'sync']),
};
/** git options that take a value (`git -c k=v pull`). */
const GIT_VALUE_OPTIONS = new Set(['-c', '--git-dir', '--work-tree', '--namespace']);
const PYTHON = /^python[\d.]*$/;
const PIP = /^pip[\d.]*$/;

/**
 * The code update one simple command makes, as `program subcommand` (`npm install`,
 * `pip install`, `git pull`), or undefined. `python -m pip install` and `uv pip install` are
 * pip; `git -C <elsewhere> pull` works on another repository, not on the app.
 */
export function codeUpdateCommand(words: readonly string[], gitUpdates: ReadonlySet<string>): string | undefined {
  const program = words[0]!.split('/').at(-1)!;
  if (program === 'git') {
    const subcommand = gitSubcommand(words);
    return subcommand !== undefined && gitUpdates.has(subcommand) ? `git ${subcommand}` : undefined;
  }
  let manager = PIP.test(program) ? 'pip' : program;
  let rest = words.slice(1);
  if (PYTHON.test(program) && words[1] === '-m' && words[2] !== undefined) {
    manager = PIP.test(words[2]) ? 'pip' : words[2];
    rest = words.slice(3);
  } else if (program === 'uv' && words[1] === 'pip') {
    manager = 'pip';
    rest = words.slice(2);
  }
  const subcommands = INSTALL_COMMANDS[manager];
  if (!subcommands) return undefined;
  const subcommand = rest.find((word) => !word.startsWith('-')) ?? '';
  if (!subcommands.has(subcommand)) return undefined;
  return subcommand === '' ? manager : `${manager} ${subcommand}`;
}

/** git's subcommand after global options; undefined when `-C` points somewhere else than the app. */
function gitSubcommand(words: readonly string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-C') {
      if (words[i + 1] !== '.') return undefined;
      i++;
    } else if (GIT_VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}
