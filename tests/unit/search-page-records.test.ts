import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePagesByShard, type FiledPlace, type PageRecord } from '../../src/integrations/pagefind.ts';

/** The most pages a shard holds, in these tests. */
const LIMIT = 4;
let site = '';
/** Where the content check files each article, by slug. */
let places = new Map<string, FiledPlace>();
const page = (slug: string, year: string, body: string, month = '03', language = 'en') => {
  const file = path.join(site, 'articles', slug, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<html lang="en"><body><article data-pagefind-body><p>${body}</p></article></body></html>`);
  places.set(slug, { year, day: `${year}-${month}-02`, language });
};
/** The English shards, and the records of every page. */
const byShard = (root: string, previous: ReadonlyMap<string, PageRecord>) => {
  const { shards, records } = articlePagesByShard(root, previous, LIMIT, places);
  return { shards: shards.get('en') ?? new Map(), records };
};

beforeEach(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'search-records-'));
  places = new Map();
});
afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

describe('the article pages the search index reads', () => {
  it('group by year, and are read again only when their file changed', () => {
    page('a', '2025', 'First');
    page('b', '2026', 'Second');
    const first = byShard(site, new Map());
    expect([...first.shards.keys()].sort()).toEqual(['2025', '2026']);

    // A record that no longer matches its file's bytes is trusted while the file is untouched…
    const forged = new Map(first.records);
    forged.set('articles/a/index.html', { ...first.records.get('articles/a/index.html')!, digest: 'forged' });
    expect(byShard(site, forged).shards.get('2025')).toEqual([{ file: 'articles/a/index.html', digest: 'forged' }]);

    // …and read afresh once the file is written, even with the same size (a build later: file times are coarser than a write).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    page('a', '2025', 'Fir5t');
    const again = byShard(site, forged);
    expect(again.shards.get('2025')![0]!.digest).not.toBe('forged');
    expect(again.shards.get('2025')![0]!.digest).not.toBe(first.records.get('articles/a/index.html')!.digest);
    expect(again.records.get('articles/b/index.html')).toEqual(first.records.get('articles/b/index.html'));
  });

  it('still hold for a copy of the pages that keeps their times, as a CI run restores its cache, but not for one that does not', () => {
    page('a', '2025', 'First');
    const { records } = byShard(site, new Map());
    const forged = new Map([...records].map(([file, record]) => [file, { ...record, digest: 'forged' }]));
    const restored = `${site}-restored`;
    try {
      execFileSync('cp', ['-a', site, restored]);
      expect(byShard(restored, forged).shards.get('2025')![0]!.digest).toBe('forged');
      fs.rmSync(restored, { recursive: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      fs.cpSync(site, restored, { recursive: true });
      expect(byShard(restored, forged).shards.get('2025')![0]!.digest).toBe(records.get('articles/a/index.html')!.digest);
    } finally {
      fs.rmSync(restored, { recursive: true, force: true });
    }
  });

  it('keep each language apart, so that a search in one never answers with pages of another', () => {
    page('a', '2026', 'First');
    page('b', '2026', 'Zweite', '03', 'de-DE');
    const { shards } = articlePagesByShard(site, new Map(), LIMIT, places);
    expect([...shards.keys()].sort()).toEqual(['de-DE', 'en']);
    expect(shards.get('en')!.get('2026')!.map((entry) => entry.file)).toEqual(['articles/a/index.html']);
    expect(shards.get('de-DE')!.get('2026')!.map((entry) => entry.file)).toEqual(['articles/b/index.html']);
  });

  it('splits a year with more pages than a shard holds into runs of months', () => {
    for (let index = 0; index < LIMIT + 1; index++) page(`p${index}`, '2024', `Page ${index}`, index % 2 ? '02' : '11');
    page('q', '2023', 'Alone');
    const { shards } = byShard(site, new Map());
    expect([...shards.keys()].sort()).toEqual(['2023', '2024-01', '2024-07']);
    expect(shards.get('2024-07')).toHaveLength(Math.ceil((LIMIT + 1) / 2));
  });

  it('files each page where the content check places its article, and fails on a page the check never read', () => {
    page('a', '2024', 'Filed in 2024');
    places.set('a', { year: '2025', day: '2025-01-01', language: 'en' });
    expect([...byShard(site, new Map()).shards.keys()]).toEqual(['2025']);
    const file = path.join(site, 'articles', 'stray', 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<html><body><article data-pagefind-body>stray</article></body></html>');
    expect(() => byShard(site, new Map())).toThrow('articles/stray/index.html is not an article the content check read');
  });
});
