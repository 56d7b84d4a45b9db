import { describe, expect, it } from 'vitest';
import { indexedPart, pageDigest, searchPlace, shardKey, shardOrder, shardsOfYear, weekStart, yearShards } from '../../src/lib/search-shards.ts';
import { recentShardName, shardName, shardYear } from '../../src/lib/search-shard-names.ts';

describe('search shards by date', () => {
  it("files an article in the year its page's filter shows, in the publication's zone, on the UTC day it sorts by", () => {
    const newYearsEve = new Date('2024-12-31T23:10:00.000Z');
    expect(searchPlace(newYearsEve, { locale: 'en-GB', timeZone: 'Europe/London' })).toEqual({ year: '2024', day: '2024-12-31' });
    expect(searchPlace(newYearsEve, { locale: 'ja-JP', timeZone: 'Asia/Tokyo' })).toEqual({ year: '2025', day: '2024-12-31' });
  });

  it('starts a week on its Monday', () => {
    expect(weekStart('2026-12-07')).toBe('2026-12-07');
    expect(weekStart('2026-12-13')).toBe('2026-12-07');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it("gives the newest year's newest week a shard of its own once the year is large", () => {
    const days = ['2026-01-05', '2026-06-30', '2026-11-30', '2026-12-06', '2026-12-07', '2026-12-09'];
    expect(shardsOfYear('2026', days, 3, true, { recentFrom: 5 })).toEqual(['2026-01', '2026-01', '2026-07', '2026-07', '2026-recent', '2026-recent']);
    // Not in an older year, nor in a year of few articles.
    expect(shardsOfYear('2026', days, 3, false, { recentFrom: 5 })).toEqual(yearShards('2026', [1, 6, 11, 12, 12, 12], 3));
    expect(shardsOfYear('2026', days, 10, true, { recentFrom: 6 })).toEqual(days.map(() => '2026'));
  });

  it('keeps only the newest day apart when the newest week holds more than the budget', () => {
    const days = ['2026-01-05', '2026-06-30', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-09'];
    const recent = recentShardName('2026');
    const byDay = shardsOfYear('2026', days, 3, true, { recentFrom: 5, recentPages: 3 });
    expect(byDay.slice(2).map((name) => name === recent)).toEqual([false, false, true, true]);
    expect(shardsOfYear('2026', days, 3, true, { recentFrom: 5, recentPages: 4 }).slice(2)).toEqual(Array(4).fill(recent));
  });

  it('leaves the runs as they are while the newest week fills, so a new article re-indexes one small shard', () => {
    const days = Array.from({ length: 30 }, (_, index) => `2026-${String(1 + Math.floor(index / 3)).padStart(2, '0')}-10`);
    const before = shardsOfYear('2026', [...days, '2026-12-07'], 10, true, { recentFrom: 5 });
    const after = shardsOfYear('2026', [...days, '2026-12-07', '2026-12-09'], 10, true, { recentFrom: 5 });
    expect(after.slice(0, days.length)).toEqual(before.slice(0, days.length));
    expect(after.slice(days.length)).toEqual([recentShardName('2026'), recentShardName('2026')]);
  });

  it('keeps a year whole until it holds more pages than a shard should', () => {
    expect(yearShards('2024', [1, 5, 12], 3)).toEqual(['2024', '2024', '2024']);
  });

  it('splits a larger year into the longest equal runs of months that fit', () => {
    // Halves fit: 2 and 2.
    expect(yearShards('2024', [1, 2, 8, 12], 3)).toEqual(['2024-01', '2024-01', '2024-07', '2024-07']);
    // Halves would hold 3 in the first; thirds (four months each) fit.
    expect(yearShards('2024', [1, 2, 5, 8], 2)).toEqual(['2024-01', '2024-01', '2024-05', '2024-05']);
    // One month alone holds more than fits: single months, the finest split.
    expect(yearShards('2024', [3, 3, 3, 4], 2)).toEqual(['2024-03', '2024-03', '2024-03', '2024-04']);
  });

  it('names shards so that their year shows and they sort newest first', () => {
    expect(shardName('2026', 7)).toBe('2026-07');
    expect(shardName('2025')).toBe('2025');
    expect(shardYear('2026-07')).toBe('2026');
    expect(shardYear('2025')).toBe('2025');
    expect(shardYear(recentShardName('2026'))).toBe('2026');
    expect(shardOrder(['2023', '2026-01', '2024', '2026-recent', '2026-07'])).toEqual(['2026-recent', '2026-07', '2026-01', '2024', '2023']);
  });

  it('keys a shard by its pages and their bytes, in any order', () => {
    const a = { file: 'articles/a/index.html', digest: pageDigest('<p>a</p>') };
    const b = { file: 'articles/b/index.html', digest: pageDigest('<p>b</p>') };
    const key = shardKey('2026', [a, b], {});
    expect(shardKey('2026', [b, a], {})).toBe(key);
    expect(key).toMatch(/^2026-/);
    expect(shardKey('2026', [a], {})).not.toBe(key);
    expect(shardKey('2026', [a, { ...b, digest: pageDigest('<p>b!</p>') }], {})).not.toBe(key);
    expect(shardKey('2026', [a, b], { excludeSelectors: ['x'] })).not.toBe(key);
  });

  it('keys a page by what Pagefind reads of it: the marked body and the language', () => {
    const page = (related: string, body = 'Body', lang = 'en-GB') =>
      `<html lang="${lang}"><body><article data-pagefind-body><h1>${body}</h1><article class="card">Inner</article></article><div>${related}</div></body></html>`;
    expect(indexedPart(page('One'))).toBe(indexedPart(page('Two')));
    expect(indexedPart(page('One'))).toContain('Inner</article></article>');
    expect(indexedPart(page('One', 'Changed'))).not.toBe(indexedPart(page('One')));
    expect(indexedPart(page('One', 'Body', 'fr'))).not.toBe(indexedPart(page('One')));
    expect(indexedPart('<p>No body marked</p>')).toBe('<p>No body marked</p>');
  });
});
