import type { CheckContext } from '../../../checks/define-check.ts';
import { moduleFile } from './module-file.ts';
import { nodesOfType, type PythonModule } from './module.ts';

/** A name an import binds to a module of the repository, or to a name inside one. */
export interface RepositoryImport {
  local: string;
  /** The module's file. */
  file: string;
  /** Attributes between the local name and the module: `import app.store` binds `app`, through `store`. */
  through: readonly string[];
  /** The name inside the module the local name stands for: `from app.store import put` → `put`. */
  member: readonly string[];
}

/**
 * The imports of a module (at any depth: imports inside functions too) that name modules of the
 * repository, resolved to their files. Memoised per run.
 */
export function repositoryImports(context: CheckContext, filePath: string, module: PythonModule): readonly RepositoryImport[] {
  return context.perRun(`python:repository-imports:${filePath}`, () => {
    const found: RepositoryImport[] = [];
    const resolve = (name: string) => moduleFile(context.repo, filePath, name);
    for (const statement of nodesOfType(module, ['import_statement', 'import_from_statement'])) {
      if (statement.type === 'import_statement') {
        for (const name of statement.childrenForFieldName('name')) {
          if (name?.type === 'aliased_import') {
            const file = resolve(name.childForFieldName('name')?.text ?? '');
            const alias = name.childForFieldName('alias')?.text;
            if (file && alias) found.push({ local: alias, file, through: [], member: [] });
          } else if (name) {
            // `import app.store.carts` binds `app`; each prefix that is a module of the repository can be reached.
            const [head, ...rest] = name.text.split('.');
            for (let length = 0; length <= rest.length; length++) {
              const file = resolve([head, ...rest.slice(0, length)].join('.'));
              if (file) found.push({ local: head!, file, through: rest.slice(0, length), member: [] });
            }
          }
        }
        continue;
      }
      const from = statement.childForFieldName('module_name')?.text;
      if (from === undefined) continue;
      for (const name of statement.childrenForFieldName('name')) {
        const imported = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
        const local = name?.type === 'aliased_import' ? name.childForFieldName('alias')?.text : imported;
        if (imported === undefined || local === undefined) continue;
        // `from app import store` imports the submodule when there is one, else a name of the package.
        const submodule = resolve(from.endsWith('.') ? from + imported : `${from}.${imported}`);
        const file = submodule ?? resolve(from);
        if (file) found.push({ local, file, through: [], member: submodule ? [] : imported.split('.') });
      }
    }
    return found;
  });
}

/**
 * The name inside module `file` that a dotted callee (`store.put`, `app.store.put`, `put`) reaches
 * through `imports`: `put`, `store.put`, `Store.put`. Undefined when the callee does not start at
 * an import of that module.
 */
export function nameInModule(imports: readonly RepositoryImport[], file: string, callee: string): string | undefined {
  const [head, ...rest] = callee.split('.');
  let best: RepositoryImport | undefined;
  for (const binding of imports) {
    if (binding.local !== head || binding.file !== file) continue;
    if (binding.through.some((part, index) => rest[index] !== part)) continue;
    if (!best || binding.through.length > best.through.length) best = binding;
  }
  if (!best) return undefined;
  const name = [...best.member, ...rest.slice(best.through.length)];
  return name.length === 0 ? undefined : name.join('.');
}
