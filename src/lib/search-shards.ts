/**
 * The search index is split by time of publication: a publish re-indexes
 * only the shards whose article pages changed, and the browser merges the
 * shards back into one search. A shard is a year, or, for a year with more
 * articles than one shard should hold (`site.searchShardPages`), an equal
 * run of its months. Pagefind takes about 2.5 ms a page: a 2,000-article
 * year is 5 s of every publish that touches it, half of it 2.5 s. The
 * split depends on nothing but the pages, so a rebuild and a clean build
 * write the same shards.
 *
 * In a year of more than `RECENT_FROM` articles, the articles of its newest
 * week (or, when the week holds more than `RECENT_PAGES`, of its newest day)
 * have a shard of their own, which the browser searches first. A new article
 * lands there: re-indexing a run of 1,000 articles rewrote all 42 of its
 * index files (each names its pages by number), which a deploy must send and
 * delete, where a shard of a few dozen articles has a handful. When the next
 * week or day starts, the last one's articles go back to their run, once.
 */
import crypto from 'node:crypto';
import { recentShardName, shardName } from './search-shard-names.ts';
import { yearMonth, type DateContext } from './dates.ts';

/** The runs a year may be split into, in months: whole, halves, thirds, quarters, two months, one. */
const RUNS = [12, 6, 4, 3, 2, 1];

/** Where the index files an article. */
export interface SearchPlace {
  /** The year its page's year filter shows, in the publication's time zone. */
  year: string;
  /** `YYYY-MM-DD`, UTC, of the time its page sorts by: it places the page in a run of its year, or its newest week. */
  day: string;
}

/** Where the index files an article published at `published`, from the content check's dates, not its page. */
export function searchPlace(published: Date, ctx: DateContext): SearchPlace {
  return { year: String(yearMonth(published, ctx).year), day: published.toISOString().slice(0, 10) };
}

/** A year with more articles than this gives its newest week or day a shard of its own. */
export const RECENT_FROM = 100;
/** The most articles the newest week's shard holds before the newest day's takes its place: at 10,000 articles a year, a week's 190 made 22 index files. */
export const RECENT_PAGES = 60;

/** The Monday (`YYYY-MM-DD`) that starts the ISO week of `day`. */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * The shard of each page of one year, given each page's month: the year
 * itself when it holds at most `limit` pages, otherwise `<year>-<first
 * month>` of the longest equal run of months that keeps every shard within
 * `limit` (single months when none does).
 */
export function yearShards(year: string, months: readonly number[], limit: number): string[] {
  if (months.length <= limit) return months.map(() => shardName(year));
  const runOf = (length: number, month: number) => Math.floor((month - 1) / length) * length + 1;
  const length =
    RUNS.find((run) => {
      const counts = new Map<number, number>();
      for (const month of months) counts.set(runOf(run, month), (counts.get(runOf(run, month)) ?? 0) + 1);
      return [...counts.values()].every((count) => count <= limit);
    }) ?? 1;
  return months.map((month) => shardName(year, runOf(length, month)));
}

/**
 * The shard of each page of one year, given each page's day: the year's
 * runs (`yearShards`), except, when `newest` and the year holds more than
 * `recentFrom` pages, the pages from the start of the newest day's week on
 * (from the newest day, when that week holds more than `recentPages`),
 * which go to the year's recent shard.
 */
export function shardsOfYear(year: string, days: readonly string[], limit: number, newest: boolean, { recentFrom = RECENT_FROM, recentPages = RECENT_PAGES } = {}): string[] {
  const from = newest && days.length > recentFrom ? recentStart(days, recentPages) : undefined;
  const recent = days.map((day) => from !== undefined && day >= from);
  const runs = yearShards(year, days.filter((_, index) => !recent[index]).map((day) => Number(day.slice(5, 7))), limit);
  let next = 0;
  return days.map((_, index) => (recent[index] ? recentShardName(year) : runs[next++]!));
}

/** Where the recent shard starts: the newest day's week, or the newest day when that week holds more than `budget` pages. */
function recentStart(days: readonly string[], budget: number): string {
  const newestDay = days.reduce((a, b) => (a > b ? a : b));
  const week = weekStart(newestDay);
  return days.filter((day) => day >= week).length <= budget ? week : newestDay;
}

export interface ShardPage {
  /** Path relative to the output folder, e.g. `articles/x/index.html`. */
  file: string;
  /** Digest of the page's bytes. */
  digest: string;
}

export function pageDigest(html: string | Buffer): string {
  return crypto.createHash('sha256').update(html).digest('base64url');
}

/**
 * What Pagefind reads of a page: the element marked `data-pagefind-body` and
 * the page's language. Related stories and other lists around the article
 * change with other articles' publishing; keying a year on the whole page
 * would re-index it for them. The whole page when no body is marked.
 */
export function indexedPart(html: string): string {
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const marker = html.indexOf('data-pagefind-body');
  const start = marker < 0 ? -1 : html.lastIndexOf('<', marker);
  const tag = start < 0 ? undefined : /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start, marker))?.[1];
  if (!tag) return html;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return `${lang}\n${html.slice(start, tags.lastIndex)}`;
  }
  return html;
}

/** Changes whenever a page joins or leaves the shard or any of its pages' bytes change. */
export function shardKey(name: string, pages: readonly ShardPage[], options: unknown): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify({ name, options }));
  for (const page of [...pages].sort((a, b) => a.file.localeCompare(b.file))) hash.update(`\0${page.file}\0${page.digest}`);
  return `${name}-${hash.digest('hex').slice(0, 20)}`;
}

/** Newest first (`2026-07` before `2026-01` before `2025`): the browser loads the first as its main index and merges the rest. */
export function shardOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}
