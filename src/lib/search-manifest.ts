/**
 * `shards.json`, the search index's table of contents: its shards newest
 * first, with how many articles each holds and the day of its oldest, and how
 * many of them the search page loads first. A reader's first query loads only
 * the newest shards, up to a budget of articles, so what it downloads does
 * not grow with the archive; the older shards are merged in when the reader
 * asks for older results. A chosen year is searched the same way: its newest
 * shards within that budget first, the rest of the year when the reader asks.
 * Browser-safe.
 */
import { shardYear } from './search-shard-names.ts';

export interface ShardEntry {
  /** See `search-shard-names.ts`. */
  name: string;
  /** Articles in the shard. */
  pages: number;
  /** Day of its oldest article, `YYYY-MM-DD` (UTC). */
  from: string;
}

export interface SearchManifest {
  /** Newest first. */
  shards: ShardEntry[];
  /** How many of the newest shards a search loads before the reader asks for older ones: at least one. */
  first: number;
}

/** The manifest for `shards` (newest first): the first shards whose articles together stay within `firstPages`, and always the newest. */
export function searchManifest(shards: readonly ShardEntry[], firstPages: number): SearchManifest {
  let first = 0;
  let pages = 0;
  while (first < shards.length && (first === 0 || pages + shards[first]!.pages <= firstPages)) {
    pages += shards[first]!.pages;
    first++;
  }
  return { shards: [...shards], first };
}

const isEntry = (value: unknown): value is ShardEntry => {
  const entry = value as Partial<ShardEntry> | null;
  return typeof entry?.name === 'string' && typeof entry.pages === 'number' && typeof entry.from === 'string';
};

/** Reads `shards.json`; throws on anything else, so the search page can say search is unavailable. */
export function parseSearchManifest(json: unknown): SearchManifest {
  const manifest = json as Partial<SearchManifest> | null;
  if (!Array.isArray(manifest?.shards) || !manifest.shards.every(isEntry) || typeof manifest.first !== 'number') {
    throw new Error('shards.json is not a search manifest');
  }
  return { shards: manifest.shards, first: Math.max(1, Math.min(manifest.first, manifest.shards.length)) };
}

/** The shards a search covers, newest first, and how far back they reach. */
export interface SearchScope {
  shards: string[];
  /** The day of the oldest article covered, when older shards it could cover are left out; undefined when it covers them all. */
  from: string | undefined;
}

/**
 * What a search covers: the shards of `years`, or of the whole archive
 * without them; with `everything`, all of those; otherwise the newest of
 * them whose articles together stay within the articles of the first
 * shards, and always the newest one.
 */
export function searchScope(manifest: SearchManifest, years: readonly string[] | undefined, everything: boolean): SearchScope {
  const candidates = years ? manifest.shards.filter((shard) => years.includes(shardYear(shard.name))) : manifest.shards;
  const budget = manifest.shards.slice(0, manifest.first).reduce((sum, shard) => sum + shard.pages, 0);
  let count = everything ? candidates.length : 0;
  let pages = 0;
  while (count < candidates.length && (count === 0 || pages + candidates[count]!.pages <= budget)) {
    pages += candidates[count]!.pages;
    count++;
  }
  return {
    shards: candidates.slice(0, count).map((shard) => shard.name),
    from: count < candidates.length ? candidates[count - 1]?.from : undefined,
  };
}

/** Articles per year, over the whole archive. */
export function articlesByYear(manifest: SearchManifest): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const shard of manifest.shards) {
    const year = shardYear(shard.name);
    counts[year] = (counts[year] ?? 0) + shard.pages;
  }
  return counts;
}
