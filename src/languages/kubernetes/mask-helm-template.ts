/** A character range `[start, end)` of a file. */
export type Span = readonly [number, number];

/** A Helm template made readable as YAML, with every offset of the original kept. */
export interface MaskedTemplate {
  /** The template with its actions masked: same length, same line breaks, every character outside actions at its offset. */
  readonly text: string;
  /** Every `{{ … }}` action of the template, in order, whether blanked or replaced. */
  readonly actions: readonly Span[];
  /**
   * What is now blank and stood for content the template writes, in the masked text: the spaces
   * of each emptied line (at the end of the line above it) and `nindent` actions that ended a line.
   */
  readonly blanked: readonly Span[];
}

/** What stands in for an action inside a line: a plain-scalar character valid anywhere a value or key may start. */
const PLACEHOLDER = '_';

/**
 * Masks a Helm template render-free (RULES-kubernetes.md, Helm charts): a line whose only
 * content is template actions (control flow, `include … | nindent`, comments) becomes empty,
 * and every other action becomes a placeholder of the same length, so that the text keeps its
 * lines and every character outside the actions its offset. Nothing is evaluated.
 *
 * An emptied line's length goes to the end of the nearest line above that has content, as
 * trailing spaces: left in place, a long run of spaces opening a block scalar (`- |` followed by
 * `{{- if … }}`) would be a more-indented leading line, which YAML rejects.
 *
 * One more action is blanked rather than replaced: an `nindent` ending a line after a key
 * (`labels: {{- include "app.labels" . | nindent 4 }}`). Its output starts on the next line, so
 * the key holds a block; a placeholder there would make a scalar of it, and the key's literal
 * entries on the lines below (a common layout) would not parse.
 */
export function maskHelmTemplate(text: string): MaskedTemplate {
  const actions = findActions(text);
  if (actions.length === 0) return { text, actions, blanked: [] };
  const lines = lineSpans(text).map(([start, end]) => ({ start, content: text.slice(start, end), terminator: lineTerminator(text, end) }));
  /** Per line, the columns of its content that stand for template output. */
  const blankedColumns = lines.map((): [number, number][] => []);
  let next = 0;
  let lastWithContent = -1;
  lines.forEach((line, index) => {
    const lineEnd = line.start + line.content.length;
    while (next < actions.length && actions[next]![1] <= line.start) next++;
    const onLine: Span[] = [];
    for (let at = next; at < actions.length && actions[at]![0] < lineEnd; at++) onLine.push(actions[at]!);
    if (onLine.length > 0 && onlyActions(text, line.start, lineEnd, onLine)) {
      const holder = lastWithContent === -1 ? index : lastWithContent;
      const padding = ' '.repeat(line.content.length);
      line.content = holder === index ? padding : '';
      if (holder !== index) lines[holder]!.content += padding;
      const end = lines[holder]!.content.length;
      blankedColumns[holder]!.push([end - padding.length, end]);
      return;
    }
    const characters = line.content.split('');
    for (const [start, end] of onLine) {
      const from = Math.max(start, line.start) - line.start;
      const to = Math.min(end, lineEnd) - line.start;
      const opensBlock = end <= lineEnd && text.slice(end, lineEnd).trim() === '' && NINDENT.test(text.slice(start, end));
      characters.fill(opensBlock ? ' ' : PLACEHOLDER, from, to);
      if (opensBlock) blankedColumns[index]!.push([from, to]);
    }
    line.content = characters.join('');
    if (line.content.trim() !== '') lastWithContent = index;
  });
  let offset = 0;
  const blanked: Span[] = [];
  lines.forEach((line, index) => {
    for (const [from, to] of blankedColumns[index]!) blanked.push([offset + from, offset + to]);
    offset += line.content.length + line.terminator.length;
  });
  blanked.sort((a, b) => a[0] - b[0]);
  return { text: lines.map((line) => line.content + line.terminator).join(''), actions, blanked };
}

/** A pipeline into `nindent`, whose output starts with a line break. */
const NINDENT = /\|\s*nindent\b/;

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

/** The line break after a line's content ending at `end`: `\r\n`, `\n`, or none at the end of the text. */
function lineTerminator(text: string, end: number): string {
  if (text[end] === '\r') return '\r\n';
  return text[end] === '\n' ? '\n' : '';
}
