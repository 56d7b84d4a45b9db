/**
 * Listing pages that keep their address and their bytes as the archive grows.
 *
 * Astro's `paginate()` numbers pages from the newest article, so one new
 * article moves every other article of the listing one place down, on every
 * page: at 10,000 articles a publish re-rendered and re-uploaded hundreds of
 * listing pages. Here the newest articles sit on the listing's front page and
 * the rest on archived pages numbered from the oldest: page 1 holds the
 * `pageSize` oldest articles for ever. A new article changes the front page;
 * once the front page holds two pages' worth, its oldest `pageSize` articles
 * become the next archived page.
 */

/** The front page's number; archived pages count from 1, the oldest. */
export const FRONT_PAGE = 0;

export interface ListingPage<T> {
  /** `FRONT_PAGE` for the newest articles, else the archived page's number counted from the oldest. */
  number: number;
  /** The page's articles, newest first. */
  items: T[];
  /** How many archived pages the listing has now. */
  archived: number;
}

/**
 * Cuts a newest-first list into a front page of `pageSize` to `2 × pageSize − 1`
 * articles (or all of them, when there are fewer) and full archived pages.
 */
export function listingPages<T>(newestFirst: readonly T[], pageSize: number): ListingPage<T>[] {
  const archived = Math.max(0, Math.floor(newestFirst.length / pageSize) - 1);
  const onFront = newestFirst.length - archived * pageSize;
  const pages: ListingPage<T>[] = [{ number: FRONT_PAGE, items: newestFirst.slice(0, onFront), archived }];
  for (let number = 1; number <= archived; number++) {
    // Archived page n holds the (n − 1)th run of `pageSize` counted from the oldest end.
    const end = newestFirst.length - (number - 1) * pageSize;
    pages.push({ number, items: newestFirst.slice(end - pageSize, end), archived });
  }
  return pages;
}

/** The links of a listing page's pager, as page numbers; `null` stands for pages left out. */
export interface PagerLinks {
  newer: number | undefined;
  older: number | undefined;
  /** Newest first: the front page, then archived pages from the newest down. */
  pages: (number | null)[];
}

/**
 * The pager of a page. An archived page names only its neighbours, the front
 * page and page 1, never the newest page number: so a page does not change
 * when a newer page is archived, unless that page is its neighbour.
 */
export function pagerLinks(number: number, archived: number): PagerLinks {
  if (archived === 0) return { newer: undefined, older: undefined, pages: [] };
  if (number === FRONT_PAGE) {
    const near = [archived, archived - 1].filter((page) => page >= 1);
    return { newer: undefined, older: archived, pages: withGaps([FRONT_PAGE, ...near, 1], archived) };
  }
  const near = [number + 1, number, number - 1].filter((page) => page >= 1 && page <= archived);
  return {
    newer: number < archived ? number + 1 : FRONT_PAGE,
    older: number > 1 ? number - 1 : undefined,
    pages: withGaps([FRONT_PAGE, ...near, 1], archived),
  };
}

/** Drops repeats from a descending run of page numbers (the front page first) and marks each gap with `null`. */
function withGaps(pages: number[], archived: number): (number | null)[] {
  const result: (number | null)[] = [];
  let previous: number | undefined;
  for (const page of pages) {
    if (page === previous) continue;
    // The front page comes just before the newest archived page.
    const expected = previous === undefined ? page : previous === FRONT_PAGE ? archived : previous - 1;
    if (page !== expected) result.push(null);
    result.push(page);
    previous = page;
  }
  return result;
}
