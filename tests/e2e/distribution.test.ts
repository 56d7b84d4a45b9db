import fs from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readSampleArticles, readYamlIds } from '../support/sample.ts';
import { repoRoot, SAMPLE_NOW } from '../support/paths.ts';
import { validateContent } from '../../src/content/validate.ts';
import { searchPlace } from '../../src/lib/search-shards.ts';
import { site } from '../../src/site.config.ts';

const SITE = 'https://broadsheet.example';
const articles = readSampleArticles();
const published = articles.filter((article) => article.published).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
const unpublished = articles.filter((article) => !article.published);
const urlOf = (slug: string) => `${SITE}/articles/${slug}/`;

describe('feeds, sitemaps and metadata of the sample site', () => {
  let dist: string;
  const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
  const parser = new Parser();

  beforeAll(() => {
    dist = inject('sampleSiteDir');
  });

  it('site RSS lists the newest 50 published articles with full HTML and absolute URLs', async () => {
    const feed = await parser.parseString(read('rss.xml'));
    expect(feed.items.map((item) => item.link)).toEqual(published.slice(0, 50).map((article) => urlOf(article.slug)));
    for (const item of feed.items) {
      const html = (item as { 'content:encoded'?: string })['content:encoded'] ?? '';
      expect(html.length).toBeGreaterThan(200);
      expect(html).not.toMatch(/(href|src)="\/(?!\/)/);
    }
  });

  it('every topic and author has a feed with exactly its published articles', async () => {
    for (const topic of readYamlIds('topics')) {
      const feed = await parser.parseString(read(`topics/${topic}/rss.xml`));
      const expected = published.filter((article) => article.topics.includes(topic)).slice(0, 50);
      expect(feed.items.map((item) => item.link), topic).toEqual(expected.map((article) => urlOf(article.slug)));
    }
    for (const author of readYamlIds('authors')) {
      const feed = await parser.parseString(read(`authors/${author}/rss.xml`));
      const expected = published.filter((article) => article.authors.includes(author)).slice(0, 50);
      expect(feed.items.map((item) => item.link), author).toEqual(expected.map((article) => urlOf(article.slug)));
    }
  });

  it('JSON Feed 1.1 matches the RSS feed', () => {
    const feed = JSON.parse(read('feed.json')) as { version: string; items: { id: string; content_html: string; date_published: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((item) => item.id)).toEqual(published.slice(0, 50).map((article) => urlOf(article.slug)));
    expect(feed.items.every((item) => item.content_html.length > 200 && !Number.isNaN(Date.parse(item.date_published)))).toBe(true);
  });

  it('announces feeds in every page head, and the topic feed on its topic page', () => {
    const home = read('index.html');
    expect(home).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(home).toContain('type="application/feed+json"');
    expect(read('topics/world/index.html')).toContain(`href="${SITE}/topics/world/rss.xml"`);
  });

  it('the sitemap lists every published URL with lastmod, and nothing unpublished or unlisted', () => {
    const index = read('sitemap-index.xml');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.slice(1));
    const locs = sitemaps.flatMap((file) => [...read(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
    for (const article of published) expect(locs, article.slug).toContain(urlOf(article.slug));
    for (const article of unpublished) expect(locs).not.toContain(urlOf(article.slug));
    expect(locs.filter((loc) => /\/(admin|search)\/|404/.test(loc))).toEqual([]);
    expect(read(sitemaps[0]!)).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  });

  it('the news sitemap holds exactly the articles of the 48 hours before the build, paid content left out', () => {
    const since = new Date(SAMPLE_NOW).getTime() - 48 * 3600 * 1000;
    const recent = published.filter((article) => article.publishedAt.getTime() >= since);
    expect(recent.some((article) => article.format === 'sponsored')).toBe(true);
    const expected = recent.filter((article) => article.format !== 'sponsored').map((article) => urlOf(article.slug));
    expect(expected.length).toBeGreaterThan(0);
    const xml = read('news-sitemap.xml');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs.sort()).toEqual(expected.sort());
    expect(xml).toContain('<news:name>Broadsheet</news:name>');
    expect(xml).toContain('<news:language>en</news:language>');
  });

  it('robots.txt names both sitemaps and keeps crawlers out of the CMS', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
    expect(robots).toContain('Disallow: /admin/');
  });

  it('every article carries NewsArticle (or its format’s type) and BreadcrumbList JSON-LD, Open Graph and a 1200×630 card', async () => {
    const types = new Set(['NewsArticle', 'OpinionNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle', 'AdvertiserContentArticle', 'LiveBlogPosting']);
    for (const article of published) {
      const html = read(`articles/${article.slug}/index.html`);
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
        (match) => JSON.parse(match[1]!) as Record<string, unknown>,
      );
      const news = blocks.find((block) => types.has(String(block['@type'])))!;
      expect(news, article.slug).toBeDefined();
      expect(news['headline']).toBe(article.title);
      for (const field of ['description', 'image', 'datePublished', 'dateModified', 'publisher', 'mainEntityOfPage', 'articleSection']) {
        expect(news[field], `${article.slug} ${field}`).toBeTruthy();
      }
      const authors = news['author'] as { '@type': string; url: string }[];
      expect(authors.map((author) => author.url)).toEqual(article.authors.map((id) => `${SITE}/authors/${id}/`));
      expect(authors.every((author) => author['@type'] === 'Person')).toBe(true);
      expect(blocks.some((block) => block['@type'] === 'BreadcrumbList')).toBe(true);
      expect(html).toContain('<meta property="og:type" content="article">');
      expect(html).toContain(`<meta property="article:published_time" content="${article.publishedAt.toISOString()}">`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      // X falls back to the og: tags; a twitter: copy of each would only add bytes.
      expect(html).not.toMatch(/<meta name="twitter:(title|description|image)/);
      const card = await sharp(path.join(dist, 'og', `${article.slug}.jpg`)).metadata();
      expect([card.width, card.height], article.slug).toEqual([1200, 630]);
    }
    for (const article of unpublished) expect(fs.existsSync(path.join(dist, 'og', `${article.slug}.jpg`))).toBe(false);
  });

  it('draws a card for exactly the articles that have a page: the content check and the pages apply the same publishing rule', () => {
    const pages = fs.readdirSync(path.join(dist, 'articles')).filter((slug) => fs.existsSync(path.join(dist, 'articles', slug, 'index.html')));
    const cards = fs.readdirSync(path.join(dist, 'og')).map((file) => file.replace(/\.jpg$/, ''));
    expect(cards.sort()).toEqual(pages.sort());
    expect(pages.sort()).toEqual(published.map((article) => article.slug).sort());
  });

  it("the search index files each article in the year its page's year filter shows", () => {
    const { articleFilings } = validateContent(path.join(repoRoot, 'content'));
    for (const article of published) {
      const year = /\sdata-year="(\d{4})"/.exec(read(`articles/${article.slug}/index.html`))?.[1];
      expect(year, article.slug).toBe(searchPlace(articleFilings.get(article.slug)!.published, site).year);
    }
  });

  it('pages declare the text faces in Latin and Latin Extended, and Arabic for Arabic letters, and ship those files', () => {
    const html = read('index.html');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => read(match[1]!)).join('');
    const faces = [...css.matchAll(/@font-face\{[^}]*\}/g)].map((match) => match[0]);
    const files = faces.map((face) => /url\(([^)]+\.woff2)\)/.exec(face)![1]!);
    expect(files.map((file) => path.basename(file).replace(/\.[\w-]+\.woff2$/, ''))).toEqual([
      'source-serif-4-latin-ext-wght-normal',
      'source-serif-4-latin-wght-normal',
      'inter-latin-ext-wght-normal',
      'inter-latin-wght-normal',
      'noto-sans-arabic-arabic-400-normal',
      'noto-sans-arabic-arabic-700-normal',
    ]);
    for (const file of files) expect(fs.statSync(path.join(dist, file)).size, file).toBeGreaterThan(10_000);
  });

  it('the home page offers a WebSite SearchAction; author and topic pages say what they are', () => {
    expect(read('index.html')).toContain('"@type":"SearchAction"');
    expect(read(`authors/${readYamlIds('authors')[0]}/index.html`)).toContain('"@type":"Person"');
    expect(read('topics/world/index.html')).toContain('"@type":"CollectionPage"');
  });
});
