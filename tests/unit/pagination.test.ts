import { describe, expect, it } from 'vitest';
import { pagerItems } from '../../src/lib/pagination.ts';

describe('pagerItems', () => {
  it('shows every page when there are few', () => {
    expect(pagerItems(2, 3)).toEqual([1, 2, 3]);
  });
  it('elides runs of pages far from the current one', () => {
    expect(pagerItems(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pagerItems(1, 10)).toEqual([1, 2, null, 10]);
  });
});
