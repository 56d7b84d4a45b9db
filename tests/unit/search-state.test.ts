import { describe, expect, it } from 'vitest';
import { hasFilters, parseSearchState, serializeSearchState } from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it('reads the query, repeated facet values and the sort', () => {
    const state = parseSearchState('?q=+tide+water+&topic=World&topic=Science&author=Ada%20Writer&format=Opinion&year=2026&sort=newest');
    expect(state).toEqual({
      query: 'tide water',
      filters: { topic: ['World', 'Science'], author: ['Ada Writer'], format: ['Opinion'], year: ['2026'] },
      sort: 'newest',
      everything: false,
    });
    expect(hasFilters(state)).toBe(true);
  });

  it('falls back to defaults and drops empty, repeated and unknown values', () => {
    const state = parseSearchState('?topic=&topic=World&topic=World&sort=oldest&colour=red');
    expect(state).toEqual({ query: '', filters: { topic: ['World'], author: [], format: [], year: [] }, sort: 'relevance', everything: false });
    expect(hasFilters(parseSearchState(''))).toBe(false);
  });

  it('writes short URLs that read back to the same state', () => {
    const state = parseSearchState('?q=r%26d+%C3%A9t%C3%A9&topic=A%26B&author=Bo&sort=newest');
    const search = serializeSearchState(state);
    expect(search).toBe('?q=r%26d+%C3%A9t%C3%A9&topic=A%26B&author=Bo&sort=newest');
    expect(parseSearchState(search)).toEqual(state);
    expect(serializeSearchState(parseSearchState('?sort=relevance'))).toBe('');
  });

  it('keeps a search of the whole archive in the URL, and only the one value that asks for it', () => {
    expect(parseSearchState('?q=tide&archive=all').everything).toBe(true);
    expect(parseSearchState('?q=tide&archive=yes').everything).toBe(false);
    expect(serializeSearchState(parseSearchState('?archive=all&q=tide'))).toBe('?q=tide&archive=all');
  });
});
