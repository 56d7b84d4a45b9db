import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePagesByShard } from '../../src/integrations/pagefind.ts';

/** The most pages a shard holds, in these tests. */
const LIMIT = 4;
let site = '';
const page = (slug: string, year: string, body: string, month = '03') => {
  const file = path.join(site, 'articles', slug, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `<html lang="en"><body><article data-year="${year}" data-date="${year}-${month}-02T10:00:00.000Z" data-pagefind-body><p>${body}</p></article></body></html>`,
  );
};

beforeEach(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'search-records-'));
});
afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

describe('the article pages the search index reads', () => {
  it('group by year, and are read again only when their file changed', () => {
    page('a', '2025', 'First');
    page('b', '2026', 'Second');
    const first = articlePagesByShard(site, new Map(), LIMIT);
    expect([...first.shards.keys()].sort()).toEqual(['2025', '2026']);

    // A record that no longer matches its file's bytes is trusted while the file is untouched…
    const forged = new Map(first.records);
    forged.set('articles/a/index.html', { ...first.records.get('articles/a/index.html')!, digest: 'forged' });
    expect(articlePagesByShard(site, forged, LIMIT).shards.get('2025')).toEqual([{ file: 'articles/a/index.html', digest: 'forged' }]);

    // …and read afresh once the file is written, even with the same size (a build later: file times are coarser than a write).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    page('a', '2025', 'Fir5t');
    const again = articlePagesByShard(site, forged, LIMIT);
    expect(again.shards.get('2025')![0]!.digest).not.toBe('forged');
    expect(again.shards.get('2025')![0]!.digest).not.toBe(first.records.get('articles/a/index.html')!.digest);
    expect(again.records.get('articles/b/index.html')).toEqual(first.records.get('articles/b/index.html'));
  });

  it('still hold for a copy of the pages that keeps their times, as a CI run restores its cache, but not for one that does not', () => {
    page('a', '2025', 'First');
    const { records } = articlePagesByShard(site, new Map(), LIMIT);
    const forged = new Map([...records].map(([file, record]) => [file, { ...record, digest: 'forged' }]));
    const restored = `${site}-restored`;
    try {
      execFileSync('cp', ['-a', site, restored]);
      expect(articlePagesByShard(restored, forged, LIMIT).shards.get('2025')![0]!.digest).toBe('forged');
      fs.rmSync(restored, { recursive: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      fs.cpSync(site, restored, { recursive: true });
      expect(articlePagesByShard(restored, forged, LIMIT).shards.get('2025')![0]!.digest).toBe(records.get('articles/a/index.html')!.digest);
    } finally {
      fs.rmSync(restored, { recursive: true, force: true });
    }
  });

  it('splits a year with more pages than a shard holds into runs of months', () => {
    for (let index = 0; index < LIMIT + 1; index++) page(`p${index}`, '2024', `Page ${index}`, index % 2 ? '02' : '11');
    page('q', '2023', 'Alone');
    const { shards } = articlePagesByShard(site, new Map(), LIMIT);
    expect([...shards.keys()].sort()).toEqual(['2023', '2024-01', '2024-07']);
    expect(shards.get('2024-07')).toHaveLength(Math.ceil((LIMIT + 1) / 2));
  });

  it('fails on a page without a date', () => {
    const file = path.join(site, 'articles', 'x', 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<html><body><article data-year="2024" data-pagefind-body>no date</article></body></html>');
    expect(() => articlePagesByShard(site, new Map(), LIMIT)).toThrow('articles/x/index.html has no data-date');
  });

  it('fails on a page without a year', () => {
    const file = path.join(site, 'articles', 'x', 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<html><body>no year</body></html>');
    expect(() => articlePagesByShard(site, new Map(), LIMIT)).toThrow('articles/x/index.html has no data-year');
  });
});
