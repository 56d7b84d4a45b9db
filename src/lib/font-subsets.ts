/**
 * Picks the font subset files that cover a piece of text, from a Fontsource
 * stylesheet's `@font-face` rules (`src: url(...)`, `unicode-range`). Lets the
 * OG image renderer load only the few CJK or Arabic subsets a headline needs.
 */
export interface FontSubset {
  /** File name of the WOFF subset, relative to the stylesheet. */
  file: string;
  ranges: [number, number][];
}

export function parseFontFaces(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.?\/?([^)]+?\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file) continue;
    const ranges: [number, number][] = range
      ? range.split(',').map((part) => {
          const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
          const from = parseInt(start!, 16);
          return [from, end ? parseInt(end, 16) : from];
        })
      : [[0, 0x10ffff]];
    subsets.push({ file, ranges });
  }
  return subsets;
}

/** The subsets holding at least one character of `text`, in stylesheet order. */
export function subsetsFor(text: string, subsets: readonly FontSubset[]): FontSubset[] {
  const codePoints = new Set([...text].map((char) => char.codePointAt(0)!));
  return subsets.filter((subset) =>
    [...codePoints].some((cp) => subset.ranges.some(([from, to]) => cp >= from && cp <= to)),
  );
}
