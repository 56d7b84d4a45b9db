/**
 * How search shards are named: `2025` for a whole year, `2026-07` for the
 * run of its months that starts in July, `2026-recent` for its newest week.
 * Names sort newest first, and the browser tells a shard's year from its name. Apart from `search-shards.ts`
 * (which hashes with Node's crypto) so the browser can import it.
 */

/** A shard's name: its year, and the first month of its run when the year is split. */
export function shardName(year: string, firstMonth?: number): string {
  return firstMonth === undefined ? year : `${year}-${String(firstMonth).padStart(2, '0')}`;
}

/** The shard of a year's newest week, which sorts before the year's runs. */
export function recentShardName(year: string): string {
  return `${year}-recent`;
}

/** The year a shard belongs to (its `year` filter value). */
export function shardYear(shard: string): string {
  return shard.slice(0, 4);
}
