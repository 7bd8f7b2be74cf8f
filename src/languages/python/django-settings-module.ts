import type { PythonModule } from './module.ts';

/** Settings only a Django settings module binds. */
const DJANGO_ONLY_SETTINGS = new Set(['INSTALLED_APPS', 'ROOT_URLCONF', 'WSGI_APPLICATION', 'ASGI_APPLICATION']);

/**
 * True for a Django settings module: `settings.py`, `settings_*.py`/`*_settings.py`, a module of
 * a `settings/` package, or any module binding a setting only Django reads (`INSTALLED_APPS`,
 * `ROOT_URLCONF`…).
 */
export function isDjangoSettingsModule(filePath: string, module: PythonModule): boolean {
  const segments = filePath.split('/');
  const stem = segments.at(-1)!.replace(/\.py$/, '');
  if (stem === 'settings' || /^settings_|_settings$/.test(stem) || segments.slice(0, -1).at(-1) === 'settings') return true;
  return module.root.namedChildren.some((statement) => {
    const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
    const left = assignment?.type === 'assignment' || assignment?.type === 'augmented_assignment' ? assignment.childForFieldName('left') : undefined;
    return left?.type === 'identifier' && DJANGO_ONLY_SETTINGS.has(left.text);
  });
}
