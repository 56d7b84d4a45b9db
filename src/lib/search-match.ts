/**
 * Pagefind answers a word an index lacks with pages holding the longest
 * indexed word that begins it ("tidewater" finds "tides"). In one index that
 * only happens when the word is nowhere; with one index per year it happens
 * in every year that lacks the word, and would mix near-misses into real
 * matches. Real matches share the query word's stem, so they agree with it
 * for longer than near-misses do: a year is kept when its best result
 * matches every query word about as far as the best year does.
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
 * The years to show results from, given the words each year's best result
 * matched: those whose matches reach, for every query word, within a few
 * letters of the best year's.
 */
export function realMatchYears(term: string, matchedByYear: ReadonlyMap<string, readonly string[]>): string[] {
  const words = queryWords(term);
  const years = [...matchedByYear.keys()];
  const reach = (year: string, word: string) => agreement(word, matchedByYear.get(year) ?? []);
  const needed = words.map((word) => {
    const best = Math.max(0, ...years.map((year) => reach(year, word)));
    return Math.min(best, Math.max(Math.min(ALWAYS_ENOUGH, word.length), best - ENDING_SLACK));
  });
  return years.filter((year) => words.every((word, index) => reach(year, word) >= needed[index]!));
}
