import { describe, expect, it } from 'vitest';
import { pagefindFilters, pagefindSort } from '../../src/lib/search-query.ts';
import { parseSearchState } from '../../src/lib/search-state.ts';

describe('Pagefind options from the state', () => {
  const state = parseSearchState('?q=tide&topic=World&topic=Science&year=2026');

  it('ORs values within a facet and ANDs the facets', () => {
    expect(pagefindFilters(state)).toEqual({ topic: { any: ['World', 'Science'] }, year: { any: ['2026'] } });
  });

  it('leaves one facet out, for its own counts', () => {
    expect(pagefindFilters(state, 'topic')).toEqual({ year: { any: ['2026'] } });
  });

  it('sorts by date when asked, or when there are no words to rank by', () => {
    expect(pagefindSort(state)).toBeUndefined();
    expect(pagefindSort({ ...state, sort: 'newest' })).toEqual({ date: 'desc' });
    expect(pagefindSort({ ...state, query: '' })).toEqual({ date: 'desc' });
  });
});
