/** Task runners that live at a package root and only ever run on developer machines or CI. */
const TASK_FILES = /^(gulpfile|gruntfile|jakefile)\.[cm]?[jt]s$/i;
/** Python packaging and task files: setuptools, nox, Fabric, doit, tox plugins. */
const PYTHON_TASK_FILES = /^(setup|noxfile|fabfile|dodo|toxfile)\.py$/;

/**
 * Build and developer tooling rather than application code: anything under a `scripts/`
 * directory, `*.config.*` files (`vite.config.ts`, `jest.config.js`; not under `src/`, where
 * `database.config.ts` is application code, as in NestJS and Angular), dotfiles at the root or
 * in a dot-directory (`.eslintrc.cjs`, `.storybook/main.ts`, `.github/scripts/x.js`), task
 * runner files (`gulpfile.js`, `setup.py`, `noxfile.py`), Sphinx's `docs/conf.py` and Storybook
 * stories. Tests are classified by the engine (`isTestPath`).
 */
export function isToolingPath(filePath: string): boolean {
  const segments = filePath.split('/');
  const base = segments.at(-1) ?? '';
  if (segments.slice(0, -1).includes('scripts')) return true;
  const isConfigFile = /\.config\.[^./]+$/.test(base) || /\.config\.[^./]+\.[^./]+$/.test(base);
  if (isConfigFile && !segments.slice(0, -1).includes('src')) return true;
  if (segments.length === 1 && base.startsWith('.')) return true;
  if (segments[0]?.startsWith('.') && segments.length > 1) return true;
  if (TASK_FILES.test(base) || PYTHON_TASK_FILES.test(base)) return true;
  if (base === 'conf.py' && segments.slice(0, -1).includes('docs')) return true;
  return /\.stories\.[cm]?[jt]sx?$/.test(base);
}
