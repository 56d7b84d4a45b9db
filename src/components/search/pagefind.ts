/**
 * The part of Pagefind's browser API the search page uses. The bundle is
 * written by the build after Vite has run, so it is imported at runtime from
 * its URL rather than bundled.
 */
import type { PagefindFilters, PagefindSort } from '../../lib/search-query.ts';
import { searchPaths } from '../../lib/search-paths.ts';
import { matchedWords, realMatchYears } from '../../lib/search-match.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, and the positions (word numbers) of the words that matched. */
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResults {
  results: PagefindResult[];
  /** Results there would be with each value added to the current filters. */
  filters: FilterCounts;
}

export interface Pagefind {
  options: (options: { highlightParam?: string; excerptLength?: number }) => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: PagefindFilters; sort?: PagefindSort | undefined }) => Promise<PagefindResults | null>;
}

type SearchOptions = { filters?: PagefindFilters; sort?: PagefindSort | undefined };

/**
 * The whole archive's search: the newest year's index with every other year
 * merged in, so one search covers everything. Two things a merged search
 * gets wrong are put right here, year by year (each year is one index and
 * the `year` filter):
 * - a year without the searched word answers with near-misses, which are
 *   left out whenever some year has real matches (see `search-match.ts`);
 * - merged results are ranked by score alone, so a date-sorted search is
 *   run one year at a time, newest year first.
 */
export class ArchiveSearch {
  readonly #pagefind: Pagefind;
  /** Years of the index, newest first. */
  readonly #years: string[];
  #matching: { term: string; years: Promise<string[]> } | undefined;

  constructor(pagefind: Pagefind, years: string[]) {
    this.#pagefind = pagefind;
    this.#years = years;
  }

  filters(): Promise<FilterCounts> {
    return this.#pagefind.filters();
  }

  async search(term: string | null, { filters = {}, sort }: SearchOptions = {}): Promise<PagefindResults | null> {
    const years = await this.#yearsFor(term, filters);
    if (years.length === 0) return { results: [], filters: {} };
    const narrowed = years.length === this.#years.length ? filters : { ...filters, year: { any: years } };
    const found = await this.#pagefind.search(term, { filters: narrowed, sort });
    if (!found || !sort || years.length < 2) return found;
    const byYear = await Promise.all(years.map((year) => this.#pagefind.search(term, { filters: { ...filters, year: { any: [year] } }, sort })));
    return { ...found, results: byYear.flatMap((result) => result?.results ?? []) };
  }

  /** The years a search may draw on: those chosen (or all), less the years that only have near-misses. */
  async #yearsFor(term: string | null, filters: PagefindFilters): Promise<string[]> {
    const chosen = filters.year?.any;
    const allowed = chosen ? this.#years.filter((year) => chosen.includes(year)) : this.#years;
    if (!term || this.#years.length < 2) return allowed;
    if (this.#matching?.term !== term) this.#matching = { term, years: this.#realMatchYears(term) };
    const real = await this.#matching.years;
    return allowed.filter((year) => real.includes(year));
  }

  /** Years whose best result really matches `term` (see `search-match.ts`). */
  async #realMatchYears(term: string): Promise<string[]> {
    const found = await Promise.all(this.#years.map((year) => this.#pagefind.search(term, { filters: { year: { any: [year] } } })));
    const matched = new Map<string, string[]>();
    await Promise.all(
      this.#years.map(async (year, index) => {
        const best = found[index]?.results[0];
        if (!best) return;
        const data = await best.data();
        matched.set(year, matchedWords(data.content, data.locations));
      }),
    );
    const real = realMatchYears(term, matched);
    return this.#years.filter((year) => real.includes(year));
  }
}

/** Loads the newest year's index and merges every other year into it. */
export async function loadArchiveSearch(options: { highlightParam: string }): Promise<ArchiveSearch> {
  const response = await fetch(searchPaths.searchShards());
  if (!response.ok) throw new Error(`no search index (${response.status})`);
  const years = (await response.json()) as string[];
  const [newest, ...older] = years;
  if (!newest) throw new Error('the search index is empty');
  const pagefind = (await import(/* @vite-ignore */ `${searchPaths.searchShard(newest)}pagefind.js`)) as Pagefind;
  await pagefind.options({ ...options, excerptLength: 30 });
  for (const year of older) await pagefind.mergeIndex(searchPaths.searchShard(year));
  await pagefind.init();
  return new ArchiveSearch(pagefind, years);
}
