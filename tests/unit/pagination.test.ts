import { describe, expect, it } from 'vitest';
import { pagerItems, paginate } from '../../src/lib/pagination.ts';

describe('paginate', () => {
  it('splits into pages of the given size', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2], 2)).toEqual([[1, 2]]);
  });
  it('always yields one page, even when empty', () => {
    expect(paginate([], 10)).toEqual([[]]);
  });
  it('rejects a page size below one', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('pagerItems', () => {
  it('shows every page when there are few', () => {
    expect(pagerItems(2, 3)).toEqual([1, 2, 3]);
  });
  it('elides runs of pages far from the current one', () => {
    expect(pagerItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pagerItems(1, 10)).toEqual([1, 2, null, 10]);
  });
});
