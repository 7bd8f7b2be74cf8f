/** A half-open character range `[start, end)` of a file. */
type Span = readonly [number, number];

/*
 * Ciphertext made to be committed (RULES-kubernetes.md, "Encrypted values are not credentials"):
 * SOPS values (`ENC[AES256_GCM,data:…,type:str]`) and the metadata SOPS adds to the files it
 * encrypts (a top-level `sops:` block in YAML, a `"sops"` object in JSON, `sops_*` lines in
 * .env files, a `[sops]` section in INI files), and the `encryptedData` of a Bitnami
 * SealedSecret. Found in the text, so that every file kind is covered.
 */

const SOPS_VALUE = /ENC\[[A-Z0-9_]+,[^\]\r\n]*\]/g;
const SOPS_YAML_BLOCK = /^sops:[ \t]*(?:#.*)?$/gm;
const SOPS_JSON_OBJECT = /"sops"\s*:\s*\{/g;
const SOPS_DOTENV_LINE = /^sops_\w*=.*$/gm;
const SOPS_INI_SECTION = /^\[sops\][ \t]*$/gm;
const SEALED_YAML = /^([ \t]*)encryptedData:[ \t]*([^\r\n#]*)/gm;
const SEALED_JSON = /"encryptedData"\s*:\s*\{/g;

/** The ranges of `text` that hold ciphertext; empty for most files, found in one cheap test. */
export function ciphertextRanges(text: string): Span[] {
  if (!text.includes('ENC[') && !text.includes('sops') && !text.includes('encryptedData')) return [];
  const ranges: Span[] = [];
  for (const match of text.matchAll(SOPS_VALUE)) ranges.push([match.index, match.index + match[0].length]);
  for (const match of text.matchAll(SOPS_YAML_BLOCK)) ranges.push([match.index, indentedBlockEnd(text, match.index, 0)]);
  for (const match of text.matchAll(SOPS_JSON_OBJECT)) ranges.push([match.index, objectEnd(text, match.index + match[0].length)]);
  for (const match of text.matchAll(SOPS_DOTENV_LINE)) ranges.push([match.index, match.index + match[0].length]);
  for (const match of text.matchAll(SOPS_INI_SECTION)) ranges.push([match.index, sectionEnd(text, match.index + match[0].length)]);
  if (text.includes('SealedSecret')) {
    for (const match of text.matchAll(SEALED_YAML)) {
      const inline = match[2]!.trim() !== '';
      ranges.push([match.index, inline ? match.index + match[0].length : indentedBlockEnd(text, match.index, match[1]!.length)]);
    }
    for (const match of text.matchAll(SEALED_JSON)) ranges.push([match.index, objectEnd(text, match.index + match[0].length)]);
  }
  return ranges;
}

/** True when `[start, end)` overlaps one of `ranges`. */
export function overlapsCiphertext(ranges: readonly Span[], start: number, end: number): boolean {
  return ranges.some(([from, to]) => start < to && from < end);
}

/**
 * The end of the YAML block whose key line starts at `keyStart` with `indent` columns: the start
 * of the next non-blank, non-comment line indented no deeper, or of a document marker.
 */
function indentedBlockEnd(text: string, keyStart: number, indent: number): number {
  let lineStart = text.indexOf('\n', keyStart) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, newline === -1 ? text.length : newline);
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#') && line.length - content.length <= indent) return lineStart;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return text.length;
}

/** The offset after the `}` closing an object whose `{` ends just before `from` (strings skipped). */
function objectEnd(text: string, from: number): number {
  let depth = 1;
  for (let at = from; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    } else if (char === '{') {
      depth++;
    } else if (char === '}' && --depth === 0) {
      return at + 1;
    }
  }
  return text.length;
}

/** The start of the next `[section]` line after `from`, or the end of the text. */
function sectionEnd(text: string, from: number): number {
  const next = /^\[/m.exec(text.slice(from));
  return next ? from + next.index : text.length;
}
