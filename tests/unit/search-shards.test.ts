import { describe, expect, it } from 'vitest';
import { indexedPart, monthOf, pageDigest, shardKey, shardOf, shardOrder, yearShards } from '../../src/lib/search-shards.ts';
import { shardName, shardYear } from '../../src/lib/search-shard-names.ts';

describe('search shards by date', () => {
  it('puts a page in the year its search filter names', () => {
    expect(shardOf('<span hidden data-pagefind-filter="year[data-year]" data-year="2024"></span>')).toBe('2024');
    expect(shardOf('<p>No year here</p>')).toBeUndefined();
  });

  it('places a page in a month by the date it sorts by', () => {
    expect(monthOf('<span data-pagefind-sort="date[data-date]" data-date="2024-09-30T23:10:00.000Z"></span>')).toBe(9);
    expect(monthOf('<p>No date here</p>')).toBeUndefined();
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
    expect(shardOrder(['2023', '2026-01', '2024', '2026-07'])).toEqual(['2026-07', '2026-01', '2024', '2023']);
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
