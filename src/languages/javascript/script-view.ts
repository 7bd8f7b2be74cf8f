import type { CheckContext } from '../../../checks/define-check.ts';

/**
 * What language support reads of one script: the file under review (its rule context is one),
 * or another script of the repository, opened with `repositoryScript`.
 */
export type ScriptView = Pick<CheckContext, 'path' | 'ast' | 'ofKind' | 'perFile'>;

/**
 * Another script of the repository as a view with its own per-file memo, parsed once per run;
 * the file under review is its own context. Undefined when the script is unreadable or broken.
 */
export function repositoryScript(context: CheckContext, filePath: string): ScriptView | undefined {
  if (filePath === context.path) return context;
  return context.perRun(`script-view:${filePath}`, () => {
    const sourceFile = context.parseScript(filePath);
    if (!sourceFile) return undefined;
    const memo = new Map<string, unknown>();
    const perFile = <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    };
    const view: ScriptView = {
      path: filePath,
      ast: () => sourceFile,
      ofKind: (kind) => perFile(`ofKind:${kind}`, () => sourceFile.getDescendantsOfKind(kind)),
      perFile,
    };
    return view;
  });
}
