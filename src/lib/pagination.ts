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
