/**
 * The part of Pagefind's browser API the search page uses. The bundle is
 * written by the build after Vite has run, so it is imported at runtime from
 * its URL rather than bundled.
 */
import type { PagefindFilters, PagefindSort } from '../../lib/search-query.ts';
import { searchPaths } from '../../lib/search-paths.ts';
import { matchedWords, realMatchShards } from '../../lib/search-match.ts';
import { articlesByYear, parseSearchManifest, searchScope, type SearchManifest, type SearchScope } from '../../lib/search-manifest.ts';

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
  options: (options: { baseUrl?: string; highlightParam?: string; excerptLength?: number; mergeFilter?: MergeFilter }) => Promise<void>;
  mergeIndex: (url: string, options?: { baseUrl?: string; mergeFilter?: MergeFilter }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: IndexFilters; sort?: PagefindSort | undefined }) => Promise<PagefindResults | null>;
}

/** `everything`: search every shard of the archive, or of the chosen years, not only the newest ones. */
type SearchOptions = { filters?: PagefindFilters; sort?: PagefindSort | undefined; everything?: boolean };
/** The reader's filters, and the shards to search. */
type IndexFilters = PagefindFilters & { shard?: { any: string[] } };

/**
 * Where result addresses start: the site's root. Pagefind would otherwise
 * take the folder above its bundle, `/de/` for a further language's index.
 */
const BASE_URL = '/';

/** The filter naming each page's shard, added in the browser as the shards are merged (never shown as a facet). */
const SHARD_FILTER = 'shard';

const inShards = (shards: readonly string[]): IndexFilters => ({ [SHARD_FILTER]: { any: [...shards] } });

/**
 * The whole archive's search, over one Pagefind index per shard (see
 * `search-manifest.ts`): the newest shards' indexes are merged at the start,
 * and older ones only when a search needs them. Three things a merged search
 * gets wrong are put right here, shard by shard (each shard is one index,
 * told apart by the `shard` filter):
 * - a search covers the shards it asked for, not whichever happen to be loaded;
 * - a shard without the searched word answers with near-misses, which are
 *   left out (see `search-match.ts`);
 * - merged results are ranked by score alone, so a date-sorted search is
 *   run one shard at a time, newest first.
 */
export class ArchiveSearch {
  readonly #pagefind: Pagefind;
  readonly #manifest: SearchManifest;
  /** Where each shard's bundle is, in the page's language. */
  readonly #shardPath: (shard: string) => string;
  /** Shards merged into the search, or being merged. */
  readonly #merging = new Map<string, Promise<void>>();
  /** For the last term searched: the words each shard's best result matched, or none. */
  #matched: { term: string; byShard: Map<string, Promise<string[] | undefined>> } | undefined;

  constructor(pagefind: Pagefind, manifest: SearchManifest, shardPath: (shard: string) => string, loaded: readonly string[]) {
    this.#pagefind = pagefind;
    this.#manifest = manifest;
    this.#shardPath = shardPath;
    for (const shard of loaded) this.#merging.set(shard, Promise.resolve());
  }

  /** Articles per value of each facet in the shards loaded so far; years over the whole archive, loaded or not. */
  async filters(): Promise<FilterCounts> {
    return { ...(await this.#pagefind.filters()), year: articlesByYear(this.#manifest) };
  }

  /** The shards a search with these filters covers, and how far back (`search-manifest.ts`). */
  scope(filters: PagefindFilters, everything: boolean): SearchScope {
    return searchScope(this.#manifest, filters.year?.any, everything);
  }

  async search(term: string | null, { filters = {}, sort, everything = false }: SearchOptions = {}): Promise<PagefindResults | null> {
    const wanted = this.scope(filters, everything).shards;
    await this.#load(wanted);
    const narrowed = (shards: readonly string[]) => (shards.length === this.#merging.size ? filters : { ...filters, ...inShards(shards) });
    // Searched beside the check for near-misses, which nearly always keeps every shard.
    const [shards, all] = await Promise.all([term ? this.#realMatchShards(term, wanted) : wanted, this.#pagefind.search(term, { filters: narrowed(wanted), sort })]);
    if (shards.length === 0) return { results: [], filters: {} };
    const found = shards.length === wanted.length ? all : await this.#pagefind.search(term, { filters: narrowed(shards), sort });
    if (!found || !sort || shards.length < 2) return found;
    const byShard = await Promise.all(shards.map((shard) => this.#pagefind.search(term, { filters: { ...filters, ...inShards([shard]) }, sort })));
    return { ...found, results: byShard.flatMap((result) => result?.results ?? []) };
  }

  /**
   * Merges the shards not merged yet, side by side: each is a request for its
   * entry and metadata files. An index merged after the first search counts
   * no filter values until its filters are loaded, so they are, at once.
   */
  async #load(shards: readonly string[]): Promise<void> {
    const added = shards.filter((shard) => !this.#merging.has(shard));
    if (added.length > 0) {
      const merged = Promise.all(added.map((shard) => this.#pagefind.mergeIndex(this.#shardPath(shard), { baseUrl: BASE_URL, mergeFilter: { [SHARD_FILTER]: shard } })));
      // One load of the filters for the whole batch.
      const ready = merged.then(() => this.#pagefind.filters()).then(() => undefined);
      for (const shard of added) this.#merging.set(shard, ready);
    }
    await Promise.all(shards.map((shard) => this.#merging.get(shard)));
  }

  /** Of `shards`, those whose best result really matches `term` (see `search-match.ts`). */
  async #realMatchShards(term: string, shards: readonly string[]): Promise<string[]> {
    if (this.#matched?.term !== term) this.#matched = { term, byShard: new Map() };
    const { byShard } = this.#matched;
    for (const shard of shards) {
      if (!byShard.has(shard)) byShard.set(shard, this.#bestMatch(term, shard));
    }
    const matched = new Map<string, string[]>();
    await Promise.all(
      shards.map(async (shard) => {
        const words = await byShard.get(shard);
        if (words) matched.set(shard, words);
      }),
    );
    const real = realMatchShards(term, matched);
    return shards.filter((shard) => real.includes(shard));
  }

  async #bestMatch(term: string, shard: string): Promise<string[] | undefined> {
    const found = await this.#pagefind.search(term, { filters: inShards([shard]) });
    const best = found?.results[0];
    if (!best) return undefined;
    const data = await best.data();
    return matchedWords(data.content, data.locations);
  }
}

/**
 * Loads the search manifest of the language under `prefix` and the first
 * shards' indexes: the newest as the main index, the others merged into it,
 * each tagged with its name.
 */
export async function loadArchiveSearch(prefix: string, options: { highlightParam: string }): Promise<ArchiveSearch> {
  const shardPath = (shard: string) => searchPaths.searchShard(shard, prefix);
  const response = await fetch(searchPaths.searchShards(prefix));
  if (!response.ok) throw new Error(`no search index (${response.status})`);
  const manifest = parseSearchManifest(await response.json());
  const [newest, ...others] = searchScope(manifest, undefined, false).shards;
  if (!newest) throw new Error('the search index is empty');
  const pagefind = (await import(/* @vite-ignore */ `${shardPath(newest)}pagefind.js`)) as Pagefind;
  await pagefind.options({ ...options, baseUrl: BASE_URL, excerptLength: 30, mergeFilter: { [SHARD_FILTER]: newest } });
  await Promise.all(others.map((shard) => pagefind.mergeIndex(shardPath(shard), { baseUrl: BASE_URL, mergeFilter: { [SHARD_FILTER]: shard } })));
  await pagefind.init();
  return new ArchiveSearch(pagefind, manifest, shardPath, [newest, ...others]);
}
