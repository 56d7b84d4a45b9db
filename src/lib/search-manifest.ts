/**
 * `shards.json`, the search index's table of contents: its shards newest
 * first, with how many articles each holds and the day of its oldest, and how
 * many of them the search page loads first. A reader's first query loads only
 * the newest shards, up to a budget of articles, so what it downloads does
 * not grow with the archive; the older shards are merged in when the reader
 * asks for older results or chooses an older year. Browser-safe.
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

/** The names of the shards loaded first. */
export function firstShards(manifest: SearchManifest): string[] {
  return manifest.shards.slice(0, manifest.first).map((shard) => shard.name);
}

/** The oldest day the first shards reach, when older shards exist: what a search that has not been widened covers. */
export function firstShardsFrom(manifest: SearchManifest): string | undefined {
  return manifest.first < manifest.shards.length ? manifest.shards[manifest.first - 1]?.from : undefined;
}

/** The names of the shards holding articles of `years`. */
export function shardsOfYears(manifest: SearchManifest, years: readonly string[]): string[] {
  return manifest.shards.filter((shard) => years.includes(shardYear(shard.name))).map((shard) => shard.name);
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
