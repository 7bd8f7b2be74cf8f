import type { SourceFile, ts } from 'ts-morph';
import { Project, typescript } from './lazy-ts-morph.ts';
import { UnparsableFileError } from '../../../checks/define-check.ts';

/**
 * Parses scripts with ts-morph, syntax only: no type checker, no module resolution, no lib
 * files — a type-checked Program would cost more than all rules together (DESIGN.md,
 * Performance). One instance per engine run.
 */
export class ScriptParser {
  #project: Project | undefined;
  #parsed = 0;

  /** Parses `text` as the script at `filePath`; throws UnparsableFileError on a syntax error. */
  parse(filePath: string, text: string): SourceFile {
    if (this.#project === undefined || ++this.#parsed % FILES_PER_PROJECT === 0) this.#project = createProject();
    const sourceFile = this.#project.createSourceFile(`/${filePath}`, text, { overwrite: true });
    const diagnostics = (sourceFile.compilerNode as ts.SourceFile & { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] })
      .parseDiagnostics;
    const first = diagnostics?.[0];
    if (first) {
      const { line, character } = typescript.getLineAndCharacterOfPosition(first.file, first.start);
      const message = typescript.flattenDiagnosticMessageText(first.messageText, ' ');
      throw new UnparsableFileError(`syntax error at ${line + 1}:${character + 1}: ${message}`, line + 1);
    }
    return sourceFile;
  }
}

/**
 * ts-morph keeps every file of a project, and removing one walks all its wrapped nodes to
 * "forget" them — measured at half the cost of a review. Starting a fresh project every so
 * many files and dropping the old one lets the garbage collector free them wholesale instead.
 */
const FILES_PER_PROJECT = 100;

function createProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noResolve: true, noLib: true, jsx: typescript.JsxEmit.Preserve },
  });
}
