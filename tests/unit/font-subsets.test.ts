import { describe, expect, it } from 'vitest';
import { parseFontFaces, subsetsFor } from '../../src/lib/font-subsets.ts';

const css = `
@font-face { font-family: 'X'; src: url(./files/x-latin-700-normal.woff2) format('woff2'), url(./files/x-latin-700-normal.woff) format('woff'); unicode-range: U+0000-00FF,U+2014; }
@font-face { font-family: 'X'; src: url(./files/x-cyrillic-700-normal.woff2) format('woff2'), url(./files/x-cyrillic-700-normal.woff) format('woff'); unicode-range: U+0400-045F; }
@font-face { font-family: 'X'; src: url(./files/x-119-700-normal.woff2) format('woff2'), url(./files/x-119-700-normal.woff) format('woff'); unicode-range: U+6c34,U+8d44-8d45; }
`;

describe('font subsets', () => {
  const subsets = parseFontFaces(css);

  it('reads the WOFF file and ranges of each face', () => {
    expect(subsets.map((subset) => subset.file)).toEqual(['files/x-latin-700-normal.woff', 'files/x-cyrillic-700-normal.woff', 'files/x-119-700-normal.woff']);
    expect(subsets[0]!.ranges).toEqual([[0, 0xff], [0x2014, 0x2014]]);
  });

  it('picks only the subsets that cover the text', () => {
    expect(subsetsFor('Hello', subsets).map((subset) => subset.file)).toEqual(['files/x-latin-700-normal.woff']);
    expect(subsetsFor('Привет', subsets).map((subset) => subset.file)).toEqual(['files/x-cyrillic-700-normal.woff']);
    expect(subsetsFor('水资', subsets).map((subset) => subset.file)).toEqual(['files/x-119-700-normal.woff']);
    expect(subsetsFor('🙂', subsets)).toEqual([]);
  });
});
