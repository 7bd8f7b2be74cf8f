import type { FileKind } from './file-kind.ts';

/** One inline suppression comment. `ruleIds` may hold `*`-less ids only; `reason` may be empty. */
export interface Suppression {
  scope: 'next-line' | 'file';
  /** The line of the comment itself. */
  line: number;
  column: number;
  endColumn: number;
  ruleIds: readonly string[];
  reason: string;
}

/** File-level suppressions are honoured only in the first lines of a file. */
export const FILE_SUPPRESSION_LINES = 10;

const DIRECTIVE = /twelve-factor-ignore-(next-line|file)\b[ \t]*([^\r\n]*)/;
const COMMENT_CLOSERS = /\s*(?:\*\/|-->)\s*$/;

/** Comment leaders by file kind: a directive counts only in a comment that starts its line. */
function commentLeaders(kind: FileKind): readonly string[] {
  if (kind === 'javascript') return ['//', '/*', '/**', '*'];
  if (kind === 'json' || kind === 'package-json') return [];
  if (kind === 'text') return ['//', '/*', '*', '#', '<!--', '--'];
  return ['#'];
}

/** Finds suppression directives: `<comment> twelve-factor-ignore-next-line <ids> -- <reason>`. */
export function parseSuppressions(text: string, kind: FileKind): Suppression[] {
  const leaders = commentLeaders(kind);
  if (leaders.length === 0 || !text.includes('twelve-factor-ignore-')) return [];
  const found: Suppression[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    // The directive must be the whole comment on its own line: code before it (a string that
    // merely contains the words, a trailing comment) does not count.
    const before = content.slice(0, match.index).trim();
    if (!leaders.includes(before)) return;
    const scope = match[1] as Suppression['scope'];
    const body = match[2]!.replace(COMMENT_CLOSERS, '');
    const separator = body.indexOf('--');
    const idPart = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? '' : body.slice(separator + 2).trim();
    found.push({
      scope,
      line: index + 1,
      column: match.index + 1,
      endColumn: content.trimEnd().length + 1,
      ruleIds: idPart.split(/[\s,]+/).filter(Boolean),
      reason,
    });
  });
  return found.filter((suppression) => suppression.scope === 'next-line' || suppression.line <= FILE_SUPPRESSION_LINES);
}

/** True when `suppression` names `ruleId` (an id, or a prefix ending in `/*` such as `secrets/*`). */
export function suppressionCovers(suppression: Suppression, ruleId: string): boolean {
  return suppression.ruleIds.some((id) => id === ruleId || (id.endsWith('/*') && ruleId.startsWith(id.slice(0, -1))));
}
