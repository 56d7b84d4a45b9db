import { describe, expect, it } from 'vitest';
import { articlesByYear, parseSearchManifest, searchManifest, searchScope, type ShardEntry } from '../../src/lib/search-manifest.ts';

const shards: ShardEntry[] = [
  { name: '2026-recent', pages: 40, from: '2026-11-23' },
  { name: '2026-07', pages: 500, from: '2026-07-01' },
  { name: '2026-01', pages: 600, from: '2026-01-02' },
  { name: '2025', pages: 900, from: '2025-01-01' },
];

describe('the search manifest', () => {
  it('loads the newest shards first, as many whole ones as fit the budget', () => {
    const manifest = searchManifest(shards, 1000);
    expect(manifest.first).toBe(2);
    expect(searchScope(manifest, undefined, false)).toEqual({ shards: ['2026-recent', '2026-07'], from: '2026-07-01' });
    expect(searchScope(manifest, undefined, true)).toEqual({ shards: ['2026-recent', '2026-07', '2026-01', '2025'], from: undefined });
  });

  it('always loads the newest shard, and says nothing of older articles when every shard fits', () => {
    expect(searchManifest(shards, 10).first).toBe(1);
    const all = searchManifest(shards, 10_000);
    expect(all.first).toBe(4);
    expect(searchScope(all, undefined, false).from).toBeUndefined();
  });

  it('searches a chosen year the same way: its newest shards within the budget first, the whole year when asked', () => {
    const manifest = searchManifest(shards, 600);
    expect(manifest.first).toBe(2);
    expect(searchScope(manifest, ['2026'], false)).toEqual({ shards: ['2026-recent', '2026-07'], from: '2026-07-01' });
    expect(searchScope(manifest, ['2026'], true)).toEqual({ shards: ['2026-recent', '2026-07', '2026-01'], from: undefined });
    // A year whose newest shard alone is over the budget still has it searched, and says how far back it went.
    expect(searchScope(searchManifest(shards, 40), ['2026'], false)).toEqual({ shards: ['2026-recent'], from: '2026-11-23' });
    expect(searchScope(manifest, ['2025', '2019'], false)).toEqual({ shards: ['2025'], from: undefined });
    expect(searchScope(manifest, ['2019'], false)).toEqual({ shards: [], from: undefined });
  });

  it('counts each year over the whole archive', () => {
    expect(articlesByYear(searchManifest(shards, 1000))).toEqual({ 2026: 1140, 2025: 900 });
  });

  it('reads back what the build writes, and refuses anything else', () => {
    const manifest = searchManifest(shards, 1000);
    expect(parseSearchManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    expect(() => parseSearchManifest(['2026', '2025'])).toThrow(/not a search manifest/);
    expect(() => parseSearchManifest({ shards: [{ name: '2026' }], first: 1 })).toThrow(/not a search manifest/);
  });
});
