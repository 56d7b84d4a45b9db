/** Turns the search page's state into Pagefind's search options. */
import { FACETS, type Facet, type SearchState } from './search-state.ts';

export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;
export type PagefindSort = { date: 'asc' | 'desc' };

/**
 * OR within a facet, AND across facets. `except` leaves one facet out: its
 * counts must not be narrowed by its own choices, or choosing one topic would
 * make every other topic count zero.
 */
export function pagefindFilters(state: SearchState, except?: Facet): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const facet of FACETS) {
    if (facet !== except && state.filters[facet].length > 0) filters[facet] = { any: [...state.filters[facet]] };
  }
  return filters;
}

/** Relevance is Pagefind's own order; without words to rank by, newest first is the only useful one. */
export function pagefindSort(state: SearchState): PagefindSort | undefined {
  return state.sort === 'newest' || !state.query ? { date: 'desc' } : undefined;
}
