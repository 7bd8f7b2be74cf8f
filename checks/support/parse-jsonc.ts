/**
 * Parses JSON with comments and trailing commas (tsconfig.json, jsconfig.json, .babelrc), the
 * way TypeScript reads them. Undefined when the text is still not valid JSON.
 */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(withoutTrailingCommas(withoutComments(text)));
  } catch {
    return undefined;
  }
}

/** The end of the string literal that starts at `start` (the index after its closing quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function withoutComments(text: string): string {
  let output = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      output += text.slice(i, end);
      i = end;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      output += ' ';
    } else {
      output += char;
      i++;
    }
  }
  return output;
}

function withoutTrailingCommas(text: string): string {
  let output = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      output += text.slice(i, end);
      i = end;
      continue;
    }
    if (char === ',') {
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] === '}' || text[next] === ']') {
        i++;
        continue;
      }
    }
    output += char;
    i++;
  }
  return output;
}
