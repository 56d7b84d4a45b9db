/**
 * The part of Pagefind's browser API the search page uses. The bundle is
 * written by the build after Vite has run, so it is imported at runtime from
 * its URL rather than bundled.
 */
import type { PagefindFilters, PagefindSort } from '../../lib/search-query.ts';
import { searchPaths } from '../../lib/search-paths.ts';
import { matchedWords, realMatchShards } from '../../lib/search-match.ts';
import { shardYear } from '../../lib/search-shard-names.ts';

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

/** A filter Pagefind puts on every page of one index as it is merged. */
type MergeFilter = Record<string, string>;

export interface Pagefind {
  options: (options: { highlightParam?: string; excerptLength?: number; mergeFilter?: MergeFilter }) => Promise<void>;
  mergeIndex: (url: string, options?: { mergeFilter?: MergeFilter }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: IndexFilters; sort?: PagefindSort | undefined }) => Promise<PagefindResults | null>;
}

type SearchOptions = { filters?: PagefindFilters; sort?: PagefindSort | undefined };
/** The reader's filters, and the shards to search. */
type IndexFilters = PagefindFilters & { shard?: { any: string[] } };

/** The filter naming each page's shard, added in the browser as the shards are merged (never shown as a facet). */
const SHARD_FILTER = 'shard';

const inShards = (shards: readonly string[]): IndexFilters => ({ [SHARD_FILTER]: { any: [...shards] } });

/**
 * The whole archive's search: the newest shard's index with every other
 * shard (a year, or a run of a year's months) merged in, so one search covers
 * everything. Two things a merged search gets wrong are put right here, shard
 * by shard (each shard is one index, told apart by the `shard` filter):
 * - a shard without the searched word answers with near-misses, which are
 *   left out whenever some shard has real matches (see `search-match.ts`);
 * - merged results are ranked by score alone, so a date-sorted search is
 *   run one shard at a time, newest first.
 */
export class ArchiveSearch {
  readonly #pagefind: Pagefind;
  /** Shards of the index, newest first. */
  readonly #shards: string[];
  #matching: { term: string; shards: Promise<string[]> } | undefined;

  constructor(pagefind: Pagefind, shards: string[]) {
    this.#pagefind = pagefind;
    this.#shards = shards;
  }

  filters(): Promise<FilterCounts> {
    return this.#pagefind.filters();
  }

  async search(term: string | null, { filters = {}, sort }: SearchOptions = {}): Promise<PagefindResults | null> {
    const shards = await this.#shardsFor(term, filters);
    if (shards.length === 0) return { results: [], filters: {} };
    const narrowed = shards.length === this.#shards.length ? filters : { ...filters, ...inShards(shards) };
    const found = await this.#pagefind.search(term, { filters: narrowed, sort });
    if (!found || !sort || shards.length < 2) return found;
    const byShard = await Promise.all(shards.map((shard) => this.#pagefind.search(term, { filters: { ...filters, ...inShards([shard]) }, sort })));
    return { ...found, results: byShard.flatMap((result) => result?.results ?? []) };
  }

  /** The shards a search may draw on: those of the years chosen (or all), less the shards that only have near-misses. */
  async #shardsFor(term: string | null, filters: PagefindFilters): Promise<string[]> {
    const chosen = filters.year?.any;
    const allowed = chosen ? this.#shards.filter((shard) => chosen.includes(shardYear(shard))) : this.#shards;
    if (!term || this.#shards.length < 2) return allowed;
    if (this.#matching?.term !== term) this.#matching = { term, shards: this.#realMatchShards(term) };
    const real = await this.#matching.shards;
    return allowed.filter((shard) => real.includes(shard));
  }

  /** Shards whose best result really matches `term` (see `search-match.ts`). */
  async #realMatchShards(term: string): Promise<string[]> {
    const found = await Promise.all(this.#shards.map((shard) => this.#pagefind.search(term, { filters: inShards([shard]) })));
    const matched = new Map<string, string[]>();
    await Promise.all(
      this.#shards.map(async (shard, index) => {
        const best = found[index]?.results[0];
        if (!best) return;
        const data = await best.data();
        matched.set(shard, matchedWords(data.content, data.locations));
      }),
    );
    const real = realMatchShards(term, matched);
    return this.#shards.filter((shard) => real.includes(shard));
  }
}

/** Loads the newest shard's index and merges every other shard into it, each tagged with its name. */
export async function loadArchiveSearch(options: { highlightParam: string }): Promise<ArchiveSearch> {
  const response = await fetch(searchPaths.searchShards());
  if (!response.ok) throw new Error(`no search index (${response.status})`);
  const shards = (await response.json()) as string[];
  const [newest, ...older] = shards;
  if (!newest) throw new Error('the search index is empty');
  const pagefind = (await import(/* @vite-ignore */ `${searchPaths.searchShard(newest)}pagefind.js`)) as Pagefind;
  await pagefind.options({ ...options, excerptLength: 30, mergeFilter: { [SHARD_FILTER]: newest } });
  // Fetched side by side: each shard is a request for its entry and metadata files.
  await Promise.all(older.map((shard) => pagefind.mergeIndex(searchPaths.searchShard(shard), { mergeFilter: { [SHARD_FILTER]: shard } })));
  await pagefind.init();
  return new ArchiveSearch(pagefind, shards);
}
