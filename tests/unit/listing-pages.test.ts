import { describe, expect, it } from 'vitest';
import { FRONT_PAGE, listingPages, pagerLinks } from '../../src/lib/listing-pages.ts';

/** Articles numbered in publishing order, newest first, as listings hold them. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

describe('listingPages', () => {
  it('keeps a short listing on its front page', () => {
    expect(listingPages(newestFirst(7), 5)).toEqual([{ number: FRONT_PAGE, items: [7, 6, 5, 4, 3, 2, 1], archived: 0 }]);
    expect(listingPages([], 5)).toEqual([{ number: FRONT_PAGE, items: [], archived: 0 }]);
  });

  it('numbers archived pages from the oldest, newest first within each', () => {
    const pages = listingPages(newestFirst(17), 5);
    expect(pages.map((page) => [page.number, page.items])).toEqual([
      [FRONT_PAGE, [17, 16, 15, 14, 13, 12, 11]],
      [1, [5, 4, 3, 2, 1]],
      [2, [10, 9, 8, 7, 6]],
    ]);
    expect(pages.every((page) => page.archived === 2)).toBe(true);
  });

  it('leaves every archived page as it was when articles are added', () => {
    const before = listingPages(newestFirst(40), 5).filter((page) => page.number !== FRONT_PAGE);
    for (let count = 41; count <= 60; count++) {
      const after = new Map(listingPages(newestFirst(count), 5).map((page) => [page.number, page.items]));
      for (const page of before) expect(after.get(page.number)).toEqual(page.items);
    }
  });

  it('shows every article exactly once, and never fewer than a page on the front', () => {
    for (let count = 0; count <= 33; count++) {
      const pages = listingPages(newestFirst(count), 5);
      expect(pages.flatMap((page) => page.items).sort((a, b) => b - a)).toEqual(newestFirst(count));
      const front = pages[0]!.items.length;
      if (count < 10) expect(front).toBe(count);
      else expect(front >= 5 && front < 10, `${front} on the front of ${count}`).toBe(true);
    }
  });
});

describe('pagerLinks', () => {
  it('has nothing to link when nothing is archived', () => {
    expect(pagerLinks(FRONT_PAGE, 0)).toEqual({ newer: undefined, older: undefined, pages: [] });
  });

  it('leads from the front page to the newest archived page', () => {
    expect(pagerLinks(FRONT_PAGE, 9)).toEqual({ newer: undefined, older: 9, pages: [FRONT_PAGE, 9, 8, null, 1] });
    expect(pagerLinks(FRONT_PAGE, 2)).toEqual({ newer: undefined, older: 2, pages: [FRONT_PAGE, 2, 1] });
  });

  it('links an archived page to its neighbours, the front page and the oldest page', () => {
    expect(pagerLinks(5, 9)).toEqual({ newer: 6, older: 4, pages: [FRONT_PAGE, null, 6, 5, 4, null, 1] });
    expect(pagerLinks(9, 9)).toEqual({ newer: FRONT_PAGE, older: 8, pages: [FRONT_PAGE, 9, 8, null, 1] });
    expect(pagerLinks(1, 9)).toEqual({ newer: 2, older: undefined, pages: [FRONT_PAGE, null, 2, 1] });
  });

  it('gives a page far from the newest the same links however many pages are archived', () => {
    expect(pagerLinks(5, 9)).toEqual(pagerLinks(5, 40));
  });
});
