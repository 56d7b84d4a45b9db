/** Splits a list into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length ? pages : [[]];
}

/**
 * Page numbers to show in a pager: first, last, and a window around the
 * current page, with `null` where a run of pages is left out.
 */
export function pagerItems(current: number, total: number, window = 1): (number | null)[] {
  const items: (number | null)[] = [];
  for (let page = 1; page <= total; page++) {
    const near = Math.abs(page - current) <= window;
    if (page === 1 || page === total || near) items.push(page);
    else if (items[items.length - 1] !== null) items.push(null);
  }
  return items;
}
