import { describe, expect, it } from 'vitest';
import { SITEMAP_INDEX, sitemapFiles } from '../../src/lib/sitemap-xml.ts';

const SITE = 'https://news.example/';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

describe('sitemapFiles', () => {
  it('lists every URL once, in URL order, with lastmod where known, and an index naming the file', () => {
    const files = sitemapFiles(SITE, [
      { loc: 'https://news.example/topics/world/' },
      { loc: 'https://news.example/', lastmod: undefined },
      { loc: 'https://news.example/articles/b/', lastmod: new Date('2026-03-01T10:00:00Z') },
      { loc: 'https://news.example/articles/a/', lastmod: new Date('2026-05-02T08:30:00Z') },
    ]);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', SITEMAP_INDEX]);
    const urlset = files.get('sitemap-0.xml')!;
    expect(urlset.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(locs(urlset)).toEqual(['https://news.example/', 'https://news.example/articles/a/', 'https://news.example/articles/b/', 'https://news.example/topics/world/']);
    expect(urlset).toContain('<url><loc>https://news.example/articles/a/</loc><lastmod>2026-05-02T08:30:00.000Z</lastmod></url>');
    expect(urlset).toContain('<url><loc>https://news.example/</loc></url>');
    expect(files.get(SITEMAP_INDEX)).toContain('<sitemap><loc>https://news.example/sitemap-0.xml</loc><lastmod>2026-05-02T08:30:00.000Z</lastmod></sitemap>');
  });

  it('splits at the limit, each file in the index with its own newest lastmod', () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((slug, i) => ({ loc: `${SITE}articles/${slug}/`, lastmod: new Date(Date.UTC(2026, 0, 1 + i)) }));
    const files = sitemapFiles(SITE, urls, 2);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', SITEMAP_INDEX]);
    expect(locs(files.get('sitemap-2.xml')!)).toEqual([`${SITE}articles/e/`]);
    const index = files.get(SITEMAP_INDEX)!;
    expect(locs(index)).toEqual([0, 1, 2].map((n) => `${SITE}sitemap-${n}.xml`));
    expect([...index.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1])).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-04T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
  });

  it('escapes URLs for XML', () => {
    const files = sitemapFiles(SITE, [{ loc: `${SITE}search/?q=a&b=<c>` }]);
    expect(files.get('sitemap-0.xml')).toContain('<loc>https://news.example/search/?q=a&amp;b=&lt;c&gt;</loc>');
  });

  it('writes an empty URL set and its index for a site with no pages', () => {
    const files = sitemapFiles(SITE, []);
    expect(files.get('sitemap-0.xml')).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>');
    expect(locs(files.get(SITEMAP_INDEX)!)).toEqual([`${SITE}sitemap-0.xml`]);
  });
});
