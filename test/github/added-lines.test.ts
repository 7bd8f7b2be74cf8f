import { describe, expect, it } from 'vitest';
import { addedLines } from '../../src/github/added-lines.ts';

describe('addedLines', () => {
  it('reads the head-side numbers of added lines across hunks', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' const a = 1;',
      '-const b = 2;',
      '+const b = 3;',
      '+const c = 4;',
      ' const d = 5;',
      '@@ -10,2 +11,3 @@ function x() {',
      '   y();',
      '+  z();',
      ' }',
    ].join('\n');
    expect(addedLines(patch)).toEqual([
      [2, 3],
      [12, 12],
    ]);
  });

  it('is not thrown off by "\\ No newline at end of file" after a removed or an added line', () => {
    const patch = ['@@ -1,2 +1,3 @@', ' first', '-last', '\\ No newline at end of file', '+last', '+more', '\\ No newline at end of file'].join('\n');
    expect(addedLines(patch)).toEqual([[2, 3]]);
  });

  it('reads lines that look like file headers as content', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' a', '--- removed SQL comment', '+++ added', ' b'].join('\n');
    expect(addedLines(patch)).toEqual([[2, 2]]);
  });

  it('finds no added line in a pure deletion or an empty patch', () => {
    expect(addedLines('@@ -1,2 +1,1 @@\n keep\n-gone')).toEqual([]);
    expect(addedLines('')).toEqual([]);
  });

  it('covers every line of a new file', () => {
    expect(addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')).toEqual([[1, 3]]);
  });
});
