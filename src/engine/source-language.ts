import path from 'node:path/posix';

/**
 * Programming languages by file extension, for saying which changed code the factor rules read
 * and which got secret scanning only. Whether a language is read is not decided here but from
 * the enabled rules (review.ts), so the "secrets only" list shrinks as rules learn a language.
 */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.js': 'JavaScript',
  '.mjs': 'JavaScript',
  '.cjs': 'JavaScript',
  '.jsx': 'JavaScript',
  '.ts': 'TypeScript',
  '.mts': 'TypeScript',
  '.cts': 'TypeScript',
  '.tsx': 'TypeScript',
  '.py': 'Python',
  '.pyw': 'Python',
  '.sh': 'shell',
  '.bash': 'shell',
  '.zsh': 'shell',
  '.go': 'Go',
  '.java': 'Java',
  '.kt': 'Kotlin',
  '.kts': 'Kotlin',
  '.scala': 'Scala',
  '.groovy': 'Groovy',
  '.rb': 'Ruby',
  '.php': 'PHP',
  '.cs': 'C#',
  '.fs': 'F#',
  '.vb': 'Visual Basic',
  '.rs': 'Rust',
  '.swift': 'Swift',
  '.ex': 'Elixir',
  '.exs': 'Elixir',
  '.erl': 'Erlang',
  '.clj': 'Clojure',
  '.hs': 'Haskell',
  '.dart': 'Dart',
  '.lua': 'Lua',
  '.pl': 'Perl',
  '.pm': 'Perl',
  '.r': 'R',
  '.c': 'C',
  '.h': 'C',
  '.cc': 'C++',
  '.cpp': 'C++',
  '.cxx': 'C++',
  '.hpp': 'C++',
};

/** The programming language of a path by its extension; undefined for data, docs and unknown files. */
export function sourceLanguageOf(filePath: string): string | undefined {
  const lower = path.basename(filePath).toLowerCase();
  if (lower.endsWith('.d.ts')) return undefined;
  return Object.hasOwn(LANGUAGE_BY_EXTENSION, path.extname(lower)) ? LANGUAGE_BY_EXTENSION[path.extname(lower)] : undefined;
}
