/** A character range `[start, end)` of a file. */
export type Span = readonly [number, number];

/** A Helm template made readable as YAML, with every offset of the original kept. */
export interface MaskedTemplate {
  /** The template with its actions masked: same length, same line breaks. */
  readonly text: string;
  /** Every `{{ … }}` action of the template, in order, whether blanked or replaced. */
  readonly actions: readonly Span[];
  /** Lines that held nothing but actions and are now blank, as spans without the line break. */
  readonly blankedLines: readonly Span[];
}

/** What stands in for an action inside a line: a plain-scalar character valid anywhere a value or key may start. */
const PLACEHOLDER = '_';

/**
 * Masks a Helm template render-free (RULES-kubernetes.md, Helm charts): a line whose only
 * content is template actions (control flow, `include … | nindent`, comments) becomes blank,
 * and every other action becomes a placeholder of the same length, so lines and columns stay
 * where they were. Nothing is evaluated.
 */
export function maskHelmTemplate(text: string): MaskedTemplate {
  const actions = findActions(text);
  if (actions.length === 0) return { text, actions, blankedLines: [] };
  const masked = text.split('');
  const blankedLines: Span[] = [];
  let next = 0;
  for (const [lineStart, lineEnd] of lineSpans(text)) {
    while (next < actions.length && actions[next]![1] <= lineStart) next++;
    const onLine: Span[] = [];
    for (let index = next; index < actions.length && actions[index]![0] < lineEnd; index++) onLine.push(actions[index]!);
    if (onLine.length === 0) continue;
    if (onlyActions(text, lineStart, lineEnd, onLine)) {
      fill(masked, lineStart, lineEnd, ' ');
      blankedLines.push([lineStart, lineEnd]);
    } else {
      for (const [start, end] of onLine) fill(masked, Math.max(start, lineStart), Math.min(end, lineEnd), PLACEHOLDER);
    }
  }
  return { text: masked.join(''), actions, blankedLines };
}

/**
 * The `{{ … }}` actions of a template. The end of an action is the first `}}` outside a Go
 * string, raw string, character literal or comment; an unclosed action runs to the end.
 */
export function findActions(text: string): Span[] {
  const actions: Span[] = [];
  for (let start = text.indexOf('{{'); start !== -1; start = text.indexOf('{{', start)) {
    const end = actionEnd(text, start + 2);
    actions.push([start, end]);
    start = end;
  }
  return actions;
}

function actionEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '}' && text[at + 1] === '}') return at + 2;
    if (char === '"' || char === "'") at = quotedEnd(text, at, char);
    else if (char === '`') at = closing(text, at + 1, '`');
    else if (char === '/' && text[at + 1] === '*') at = closing(text, at + 2, '*/');
    else at++;
  }
  return text.length;
}

/** The offset after a Go string or character literal that opens at `at` (escapes honoured). */
function quotedEnd(text: string, at: number, quote: string): number {
  let index = at + 1;
  while (index < text.length && text[index] !== quote && text[index] !== '\n') index += text[index] === '\\' ? 2 : 1;
  return Math.min(index + 1, text.length);
}

function closing(text: string, from: number, terminator: string): number {
  const found = text.indexOf(terminator, from);
  return found === -1 ? text.length : found + terminator.length;
}

/** Each line as `[start, end)` without its terminator (`\n` or `\r\n`). */
function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    spans.push([start, end > start && text[end - 1] === '\r' ? end - 1 : end]);
    if (newline === -1) return spans;
    start = newline + 1;
  }
}

/** True when everything on the line outside `actions` is white space. */
function onlyActions(text: string, lineStart: number, lineEnd: number, actions: readonly Span[]): boolean {
  let at = lineStart;
  for (const [start, end] of actions) {
    if (text.slice(at, Math.max(at, start)).trim() !== '') return false;
    at = Math.max(at, end);
  }
  return at >= lineEnd || text.slice(at, lineEnd).trim() === '';
}

function fill(characters: string[], start: number, end: number, character: string): void {
  for (let index = start; index < end; index++) if (characters[index] !== '\n' && characters[index] !== '\r') characters[index] = character;
}
