import { effectiveCommand, expandInlineShell, parseShellCommands, type ShellCommand } from './commands.ts';

/*
 * The commands an application itself runs (`exec("curl " + url)`, `subprocess.run(["ffmpeg", …])`),
 * whatever its language: a command line or an argument vector, with the parts only known at run
 * time marked, read through the project's shell reading.
 */

/** Stands for a part of a command (or of any static text) only known at run time: a template field, a variable. */
export const DYNAMIC = '\u0000';

/** Stands in for a run-time part while the text is read as shell (NUL cannot sit inside a word). */
const RUNTIME_PART = '\uE000';

/**
 * The simple commands of a command line and their words, through the project's shell reading:
 * wrappers (`sudo`, `env`, `exec`, `timeout 30`…) and leading assignments are dropped,
 * `sh -c '…'` is read recursively, and run-time parts — template fields, `$(…)`, backticks —
 * are `DYNAMIC`.
 */
export function parseCommandLine(line: string): string[][] {
  return wordLists(parseShellCommands(line.replaceAll(DYNAMIC, RUNTIME_PART)));
}

/** An executable and its arguments, run without a shell (`spawn('sudo', ['curl', url])`, `subprocess.run(["sudo", "curl", url])`). */
export function argvCommands(argv: readonly string[]): string[][] {
  const words = argv.map((value) => ({ value: value.replaceAll(DYNAMIC, RUNTIME_PART), start: 0, end: 0, quoted: true }));
  return wordLists([{ words, start: 0, end: 0, separator: '' }]);
}

function wordLists(parsed: readonly ShellCommand[]): string[][] {
  const commands: string[][] = [];
  for (const command of parsed) {
    for (const expanded of expandInlineShell(effectiveCommand(command).words)) {
      const words = effectiveCommand(expanded).words.map((word) => runtimeParts(word.value));
      if (words.length > 0) commands.push(words);
    }
  }
  return commands;
}

function runtimeParts(value: string): string {
  return value.replaceAll(RUNTIME_PART, DYNAMIC).replace(/\$\((?:[^()]|\([^()]*\))*\)|`[^`]*`/g, DYNAMIC);
}
