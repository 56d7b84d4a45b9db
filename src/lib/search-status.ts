/**
 * The search page's status line: how many results, for which words, with
 * filters or not, and since when. Every combination is a whole sentence of its
 * own in the dictionary, so each language orders its parts as it needs.
 */
import type { Translate, WordKey } from '../i18n/translate.ts';

/** What a search was narrowed by: its words, its filters, or both. */
const NARROWINGS = ['query', 'filters', 'queryFilters'] as const;
type Narrowing = (typeof NARROWINGS)[number];

export interface SearchOutcome {
  count: number;
  /** The words searched for; empty when only filters were chosen. */
  query: string;
  filtered: boolean;
  /** The first day searched, as readers read it, when older articles were left out. */
  since: string | undefined;
}

/** A search with neither words nor filters has no status line, so one of the two is always there. */
function narrowing({ query, filtered }: SearchOutcome): Narrowing {
  if (!filtered) return 'query';
  return query ? 'queryFilters' : 'filters';
}

export function searchStatus(t: Translate, outcome: SearchOutcome): string {
  const { count, query, since } = outcome;
  const by = narrowing(outcome);
  if (count === 0) return t(`search.notFound.${by}`, { query });
  if (since === undefined) return t(`search.found.${by}`, { count, query });
  return t(`search.found.${by}Since`, { count, query, date: since });
}

/** The words `searchStatus` may use, for the page to hand to the browser. */
export const SEARCH_STATUS_WORDS: readonly WordKey[] = NARROWINGS.flatMap(
  (by) => [`search.notFound.${by}`, `search.found.${by}`, `search.found.${by}Since`] as const,
);
