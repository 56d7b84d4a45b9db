/**
 * The search page's state as it lives in the URL (`/search/?q=…&topic=…&sort=newest`),
 * so a search can be shared, reloaded and walked through with the back button.
 */

/** The search filters, in the order the search page offers them. Article pages tag themselves with each. */
export const FACETS = ['topic', 'author', 'format', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** Pagefind's `data-pagefind-filter` value: the facet read from an attribute of the same element. */
export function facetFilter(facet: Facet, attribute = 'data-value'): string {
  return `${facet}[${attribute}]`;
}

const SORT_ORDERS = ['relevance', 'newest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  query: string;
  /** Chosen values per facet: any of them within a facet, all facets together. */
  filters: Record<Facet, string[]>;
  sort: SortOrder;
  /** Search the whole archive, not only the newest articles (see `search-manifest.ts`). */
  everything: boolean;
}

/** The URL parameter, and its value, that ask for the whole archive. */
const EVERYTHING = ['archive', 'all'] as const;

const isSortOrder = (value: string | null): value is SortOrder => SORT_ORDERS.some((order) => order === value);

function emptyFilters(): Record<Facet, string[]> {
  return { topic: [], author: [], format: [], year: [] };
}

/** Reads the state from a query string; unknown or repeated values are dropped. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const facet of FACETS) {
    filters[facet] = [...new Set(params.getAll(facet).map((value) => value.trim()).filter(Boolean))];
  }
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    sort: isSortOrder(sort) ? sort : 'relevance',
    everything: params.get(EVERYTHING[0]) === EVERYTHING[1],
  };
}

/** Writes the state as a query string (with its `?`, or empty), leaving defaults out so URLs stay short. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set('q', query);
  for (const facet of FACETS) {
    for (const value of new Set(state.filters[facet])) params.append(facet, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.everything) params.set(...EVERYTHING);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}
