/**
 * Pagefind answers a word an index lacks with pages holding the longest
 * indexed word that begins it ("tidewater" finds "tides"). In one index that
 * only happens when the word is nowhere; with one index per shard (a year,
 * or a run of its months) it happens in every shard that lacks the word, and
 * would mix near-misses into real matches; in one index, a word in no
 * article would list every page holding its first letters ("inflation"
 * finds "in"). Real matches share the query word's stem, so they agree with
 * it for longer than near-misses do: a shard is kept when its best result
 * matches every query word all but an ending's worth, and about as far as
 * the best shard does.
 */

/** How many letters a real match may fall short of the best one: English endings differ (glacier, glaciers; negotiated, negotiations). */
const ENDING_SLACK = 4;
/** Matches this long always count: short words have short stems (running, run). */
const ALWAYS_ENOUGH = 3;

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

/** The least a real match agrees with a query word: all of a short word, all but an ending of a longer one. */
export function enoughAgreement(word: string): number {
  return Math.min(word.length, Math.max(ALWAYS_ENOUGH, word.length - ENDING_SLACK));
}

/** How far the best of `matched` agrees with `word`. */
function agreement(word: string, matched: readonly string[]): number {
  return Math.max(0, ...matched.map((candidate) => commonPrefix(word, candidate)));
}

/**
 * The shards to show results from, given the words each shard's best result
 * matched: those whose matches reach, for every query word, its stem and
 * within a few letters of the best shard's. None when no shard has the words.
 */
export function realMatchShards(term: string, matchedByShard: ReadonlyMap<string, readonly string[]>): string[] {
  const words = queryWords(term);
  const shards = [...matchedByShard.keys()];
  const reach = (shard: string, word: string) => agreement(word, matchedByShard.get(shard) ?? []);
  const needed = words.map((word) => {
    const best = Math.max(0, ...shards.map((shard) => reach(shard, word)));
    return Math.max(enoughAgreement(word), best - ENDING_SLACK);
  });
  return shards.filter((shard) => words.every((word, index) => reach(shard, word) >= needed[index]!));
}
