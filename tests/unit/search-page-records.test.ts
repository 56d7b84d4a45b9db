import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePagesByShard } from '../../src/integrations/pagefind.ts';

let site = '';
const page = (slug: string, year: string, body: string) => {
  const file = path.join(site, 'articles', slug, 'index.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<html lang="en"><body><article data-year="${year}" data-pagefind-body><p>${body}</p></article></body></html>`);
};

beforeEach(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'search-records-'));
});
afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

describe('the article pages the search index reads', () => {
  it('group by year, and are read again only when their file changed', () => {
    page('a', '2025', 'First');
    page('b', '2026', 'Second');
    const first = articlePagesByShard(site, new Map());
    expect([...first.shards.keys()].sort()).toEqual(['2025', '2026']);

    // A record that no longer matches its file's bytes is trusted while the file is untouched…
    const forged = new Map(first.records);
    forged.set('articles/a/index.html', { ...first.records.get('articles/a/index.html')!, digest: 'forged' });
    expect(articlePagesByShard(site, forged).shards.get('2025')).toEqual([{ file: 'articles/a/index.html', digest: 'forged' }]);

    // …and read afresh once the file is written, even with the same size (a build later: file times are coarser than a write).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    page('a', '2025', 'Fir5t');
    const again = articlePagesByShard(site, forged);
    expect(again.shards.get('2025')![0]!.digest).not.toBe('forged');
    expect(again.shards.get('2025')![0]!.digest).not.toBe(first.records.get('articles/a/index.html')!.digest);
    expect(again.records.get('articles/b/index.html')).toEqual(first.records.get('articles/b/index.html'));
  });

  it('fails on a page without a year', () => {
    const file = path.join(site, 'articles', 'x', 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<html><body>no year</body></html>');
    expect(() => articlePagesByShard(site, new Map())).toThrow('articles/x/index.html has no data-year');
  });
});
