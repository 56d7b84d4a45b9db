/**
 * Pagefind answers a word an index lacks with pages holding the longest
 * indexed word that begins it ("tidewater" finds "tides"). In one index that
 * only happens when the word is nowhere; with one index per shard (a year,
 * or a run of its months) it happens in every shard that lacks the word, and
 * would mix near-misses into real matches. Real matches share the query
 * word's stem, so they agree with it for longer than near-misses do: a shard
 * is kept when its best result matches every query word about as far as the
 * best shard does.
 */

/** How many letters a real match may fall short of the best one: English endings differ (glacier, glaciers; negotiated, negotiations). */
const ENDING_SLACK = 4;
/** Matches this long always count: short words have short stems. */
const ALWAYS_ENOUGH = 4;

/** Lower-case words of a query, punctuation dropped. */
export function queryWords(term: string): string[] {
  return term
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/** The words of a result's text at the positions Pagefind says matched. */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = content.split(/[\r\n\s]+/g);
  return locations.map((index) => (words[index] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** How far the best of `matched` agrees with `word`. */
function agreement(word: string, matched: readonly string[]): number {
  return Math.max(0, ...matched.map((candidate) => commonPrefix(word, candidate)));
}

/**
 * The shards to show results from, given the words each shard's best result
 * matched: those whose matches reach, for every query word, within a few
 * letters of the best shard's.
 */
export function realMatchShards(term: string, matchedByShard: ReadonlyMap<string, readonly string[]>): string[] {
  const words = queryWords(term);
  const shards = [...matchedByShard.keys()];
  const reach = (shard: string, word: string) => agreement(word, matchedByShard.get(shard) ?? []);
  const needed = words.map((word) => {
    const best = Math.max(0, ...shards.map((shard) => reach(shard, word)));
    return Math.min(best, Math.max(Math.min(ALWAYS_ENOUGH, word.length), best - ENDING_SLACK));
  });
  return shards.filter((shard) => words.every((word, index) => reach(shard, word) >= needed[index]!));
}
