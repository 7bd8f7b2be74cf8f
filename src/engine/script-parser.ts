import { Project, ts, type SourceFile } from 'ts-morph';
import { UnparsableFileError } from '../../checks/define-check.ts';

/**
 * Parses scripts with ts-morph, syntax only: no type checker, no module resolution, no lib
 * files — a type-checked Program would cost more than all rules together (DESIGN.md,
 * Performance). One instance per engine run.
 */
export class ScriptParser {
  readonly #project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noResolve: true, noLib: true, jsx: ts.JsxEmit.Preserve },
  });

  /** Parses `text` as the script at `filePath`; throws UnparsableFileError on a syntax error. */
  parse(filePath: string, text: string): SourceFile {
    const sourceFile = this.#project.createSourceFile(`/${filePath}`, text, { overwrite: true });
    const diagnostics = (sourceFile.compilerNode as ts.SourceFile & { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] })
      .parseDiagnostics;
    const first = diagnostics?.[0];
    if (first) {
      this.#project.removeSourceFile(sourceFile);
      const { line, character } = ts.getLineAndCharacterOfPosition(first.file, first.start);
      const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
      throw new UnparsableFileError(`syntax error at ${line + 1}:${character + 1}: ${message}`, line + 1);
    }
    return sourceFile;
  }

  /** Frees a parsed file; ts-morph keeps every file of a project otherwise. */
  release(sourceFile: SourceFile): void {
    if (!sourceFile.wasForgotten()) this.#project.removeSourceFile(sourceFile);
  }
}
