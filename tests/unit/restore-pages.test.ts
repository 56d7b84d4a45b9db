import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkPages, moveOutputAside, readFileList, removeUnbuilt } from '../../src/integrations/restore-pages.ts';

let root = '';
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-pages-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('restoring the last build’s pages', () => {
  it('empties the output folder but for .git by moving its entries aside, to be deleted later', () => {
    const out = path.join(root, 'dist');
    const aside = path.join(root, 'cache/old-output');
    write(path.join(out, 'old/index.html'), 'old');
    write(path.join(out, 'feed.xml'), 'feed');
    write(path.join(out, '.git/HEAD'), 'ref');
    expect(moveOutputAside(out, aside)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['.git']);
    const folders = fs.readdirSync(aside);
    expect(folders).toHaveLength(1);
    expect(fs.readdirSync(path.join(aside, folders[0]!)).sort()).toEqual(['feed.xml', 'old']);
    expect(fs.readFileSync(path.join(aside, folders[0]!, 'old/index.html'), 'utf8')).toBe('old');
  });

  it('also reports what a killed build left aside, with or without an output to move', () => {
    const out = path.join(root, 'dist');
    const aside = path.join(root, 'cache/old-output');
    write(path.join(aside, 'killed/articles/a/index.html'), 'a');
    expect(moveOutputAside(out, aside)).toBe(true);
    write(path.join(out, 'articles/b/index.html'), 'b');
    expect(moveOutputAside(out, aside)).toBe(true);
    const folders = fs.readdirSync(aside).sort();
    expect(folders).toHaveLength(2);
    expect(folders).toContain('killed');
    expect(fs.readdirSync(path.join(aside, folders.find((name) => name !== 'killed')!))).toEqual(['articles']);
    expect(fs.readFileSync(path.join(aside, 'killed/articles/a/index.html'), 'utf8')).toBe('a');
    expect(moveOutputAside(path.join(root, 'none'), path.join(root, 'nothing-aside'))).toBe(false);
  });

  it('links every cached page into place, sharing one file with the cache', () => {
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'dist');
    write(path.join(cache, 'articles/a/index.html'), 'a');
    write(path.join(cache, 'feed.json'), '{}');
    const linked = (linkPages(cache, out, ['articles/a/index.html', 'feed.json', 'authors/b/rss.xml'])).sort();
    // The author feed has no cache key, so Astro never cached it: no link, and no empty folder left for it.
    expect(linked).toEqual(['articles/a/index.html', 'feed.json']);
    expect(fs.readdirSync(out).sort()).toEqual(['articles', 'feed.json']);
    expect(fs.statSync(path.join(out, 'articles/a/index.html')).ino).toBe(fs.statSync(path.join(cache, 'articles/a/index.html')).ino);
    // A page rendered again is written through its link, so its cache copy holds the same bytes.
    fs.writeFileSync(path.join(out, 'articles/a/index.html'), 'a, corrected');
    expect(fs.readFileSync(path.join(cache, 'articles/a/index.html'), 'utf8')).toBe('a, corrected');
  });

  it('counts a page already in the output (Astro wrote it first) as there', () => {
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'dist');
    write(path.join(cache, 'index.html'), 'cached');
    write(path.join(out, 'index.html'), 'fresh');
    expect(linkPages(cache, out, ['index.html'])).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('fresh');
  });

  it('links nothing when there is no cache', async () => {
    expect(linkPages(path.join(root, 'missing'), path.join(root, 'dist'), ['index.html'])).toEqual([]);
  });

  it('reads no list from a missing or malformed file', () => {
    expect(readFileList(path.join(root, 'missing.json'))).toEqual([]);
    write(path.join(root, 'bad.json'), '{"not": "a list"}');
    expect(readFileList(path.join(root, 'bad.json'))).toEqual([]);
    write(path.join(root, 'good.json'), '["index.html"]');
    expect(readFileList(path.join(root, 'good.json'))).toEqual(['index.html']);
  });

  it('removes the pages this build did not make, and the folders left empty, but not the cache copies', async () => {
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'dist');
    write(path.join(cache, 'articles/kept/index.html'), 'kept');
    write(path.join(cache, 'articles/deleted/index.html'), 'deleted');
    const linked = linkPages(cache, out, ['articles/kept/index.html', 'articles/deleted/index.html']);
    const removed = removeUnbuilt(out, linked, new Set([path.join(out, 'articles/kept/index.html')]));
    expect(removed).toBe(1);
    expect(fs.readdirSync(path.join(out, 'articles'))).toEqual(['kept']);
    expect(fs.existsSync(path.join(cache, 'articles/deleted/index.html'))).toBe(true);
  });

  it('links image sizes from a cache that keeps each under its file name alone', () => {
    const cache = path.join(root, 'assets');
    const out = path.join(root, 'dist');
    write(path.join(cache, 'hero.abc_123.webp'), 'pixels');
    expect(linkPages(cache, out, ['_astro/hero.abc_123.webp', '_astro/gone.def_456.webp'], true)).toEqual(['_astro/hero.abc_123.webp']);
    expect(fs.statSync(path.join(out, '_astro/hero.abc_123.webp')).ino).toBe(fs.statSync(path.join(cache, 'hero.abc_123.webp')).ino);
  });
});
