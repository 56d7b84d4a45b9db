import { describe, expect, it } from 'vitest';
import { articlesGroup, PAGES_GROUP, SITEMAP_INDEX, sitemapFiles } from '../../src/lib/sitemap-xml.ts';

const SITE = 'https://news.example/';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
const article = (slug: string, year: number, lastmod: string) => ({ loc: `${SITE}articles/${slug}/`, lastmod: new Date(lastmod), group: articlesGroup(year, new Date(lastmod).getUTCMonth() + 1) });

describe('sitemapFiles', () => {
  it('files articles by month and every other page together, each in URL order, with an index naming the files', () => {
    const files = sitemapFiles(SITE, [
      { loc: `${SITE}topics/world/`, group: PAGES_GROUP },
      { loc: SITE, lastmod: undefined, group: PAGES_GROUP },
      article('b', 2026, '2026-03-01T10:00:00Z'),
      article('a', 2026, '2026-05-02T08:30:00Z'),
      article('c', 2025, '2025-12-31T23:00:00Z'),
    ]);
    expect([...files.keys()]).toEqual(['sitemap-articles-2025-12.xml', 'sitemap-articles-2026-03.xml', 'sitemap-articles-2026-05.xml', 'sitemap-pages.xml', SITEMAP_INDEX]);
    const articles = files.get('sitemap-articles-2026-05.xml')!;
    expect(articles.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(locs(articles)).toEqual([`${SITE}articles/a/`]);
    expect(locs(files.get('sitemap-articles-2026-03.xml')!)).toEqual([`${SITE}articles/b/`]);
    expect(articles).toContain('<url><loc>https://news.example/articles/a/</loc><lastmod>2026-05-02T08:30:00.000Z</lastmod></url>');
    expect(locs(files.get('sitemap-pages.xml')!)).toEqual([SITE, `${SITE}topics/world/`]);
    expect(files.get('sitemap-pages.xml')).toContain('<url><loc>https://news.example/</loc></url>');
    const index = files.get(SITEMAP_INDEX)!;
    expect(index).toContain('<sitemap><loc>https://news.example/sitemap-articles-2026-05.xml</loc><lastmod>2026-05-02T08:30:00.000Z</lastmod></sitemap>');
    expect(index).toContain('<sitemap><loc>https://news.example/sitemap-pages.xml</loc></sitemap>');
  });

  it('leaves the other months and the pages file byte for byte as they were when an article is added', () => {
    const before = [article('old', 2024, '2024-02-01T00:00:00Z'), article('new', 2026, '2026-02-01T00:00:00Z'), { loc: SITE, group: PAGES_GROUP }];
    const after = [...before, article('newer', 2026, '2026-02-03T00:00:00Z')];
    const [a, b] = [sitemapFiles(SITE, before), sitemapFiles(SITE, after)];
    const changed = [...b.keys()].filter((name) => a.get(name) !== b.get(name));
    expect(changed).toEqual(['sitemap-articles-2026-02.xml', SITEMAP_INDEX]);
  });

  it('continues a group past the limit in numbered files, each in the index with its own newest lastmod', () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((slug, i) => article(slug, 2026, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
    const files = sitemapFiles(SITE, urls, 2);
    expect([...files.keys()]).toEqual(['sitemap-articles-2026-01.xml', 'sitemap-articles-2026-01-2.xml', 'sitemap-articles-2026-01-3.xml', 'sitemap-pages.xml', SITEMAP_INDEX]);
    expect(locs(files.get('sitemap-articles-2026-01-3.xml')!)).toEqual([`${SITE}articles/e/`]);
    const index = files.get(SITEMAP_INDEX)!;
    expect([...index.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1])).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-04T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
  });

  it('escapes URLs for XML', () => {
    const files = sitemapFiles(SITE, [{ loc: `${SITE}search/?q=a&b=<c>`, group: PAGES_GROUP }]);
    expect(files.get('sitemap-pages.xml')).toContain('<loc>https://news.example/search/?q=a&amp;b=&lt;c&gt;</loc>');
  });

  it('writes an empty URL set and its index for a site with no pages', () => {
    const files = sitemapFiles(SITE, []);
    expect(files.get('sitemap-pages.xml')).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>');
    expect(locs(files.get(SITEMAP_INDEX)!)).toEqual([`${SITE}sitemap-pages.xml`]);
  });
});
