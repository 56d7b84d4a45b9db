import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readSampleArticles, readYamlIds } from '../support/sample.ts';
import { slugify } from '../../src/lib/slug.ts';
import { SAMPLE_ARCHIVE_MONTH_ARTICLES, SAMPLE_PAGE_SIZE } from '../support/paths.ts';

const PAGE_SIZE = SAMPLE_PAGE_SIZE;
const articles = readSampleArticles();
const published = articles.filter((article) => article.published);
const unpublished = articles.filter((article) => !article.published);
/** Year, month and day, two digits each but the year, as the sample publication's time zone sees the date. */
const londonDay = (date: Date): string[] => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  return ['year', 'month', 'day'].map((type) => parts.find((part) => part.type === type)!.value);
};

describe('the built sample site', () => {
  let dist: string;
  let allHtml: string[];
  const page = (url: string) => path.join(dist, url, 'index.html');

  beforeAll(() => {
    dist = inject('sampleSiteDir');
    allHtml = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => fs.readFileSync(path.join(dist, file), 'utf8'));
  });

  it('has the sample set the issue asks for', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
    expect(articles.some((article) => article.draft)).toBe(true);
    expect(articles.some((article) => !article.draft && !article.published)).toBe(true);
  });

  it('writes a page for every published article', () => {
    for (const article of published) expect(fs.existsSync(page(`articles/${article.slug}`)), article.slug).toBe(true);
  });

  it('leaves drafts and scheduled articles out entirely', () => {
    for (const article of unpublished) {
      expect(fs.existsSync(page(`articles/${article.slug}`)), article.slug).toBe(false);
      expect(allHtml.some((html) => html.includes(`/articles/${article.slug}/`)), `${article.slug} is linked`).toBe(false);
      expect(allHtml.some((html) => html.includes(article.title)), `${article.slug} title appears`).toBe(false);
    }
  });

  it('publishes no image of an unpublished article, under any name', () => {
    const held = unpublished.flatMap((article) => (article.imageFile ? [fs.readFileSync(article.imageFile)] : []));
    expect(held.length).toBeGreaterThan(0);
    const sizes = new Set(held.map((bytes) => bytes.length));
    const leaked = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => {
      const full = path.join(dist, file);
      const stat = fs.statSync(full);
      return stat.isFile() && sizes.has(stat.size) && held.some((bytes) => bytes.equals(fs.readFileSync(full)));
    });
    expect(leaked).toEqual([]);
  });

  it('lists every topic by shared topic membership: the newest on its front page, full pages numbered from the oldest', () => {
    for (const topic of readYamlIds('topics')) {
      const members = published.filter((article) => article.topics.includes(topic));
      const archived = Math.max(0, Math.floor(members.length / PAGE_SIZE) - 1);
      const listed = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/<h2[^>]*><a href="\/articles\/([^/]+)\/"/g)].map((match) => match[1]);
      expect(listed(page(`topics/${topic}`)).length, topic).toBe(members.length - archived * PAGE_SIZE);
      const oldestFirst = [...members].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || b.slug.localeCompare(a.slug));
      for (let n = 1; n <= archived; n++) {
        const expected = oldestFirst.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).map((article) => article.slug).reverse();
        expect(listed(page(`topics/${topic}/${n}`)), `${topic} page ${n}`).toEqual(expected);
      }
      expect(fs.existsSync(page(`topics/${topic}/${archived + 1}`))).toBe(false);
    }
  });

  it('has an author page for every author, a tag page for every tag, and archive years', () => {
    for (const author of readYamlIds('authors')) expect(fs.existsSync(page(`authors/${author}`)), author).toBe(true);
    for (const tag of new Set(published.flatMap((article) => article.tags))) {
      expect(fs.existsSync(page(`tags/${slugify(tag)}`)), tag).toBe(true);
    }
    expect(fs.existsSync(page('tags'))).toBe(true);
    expect(fs.existsSync(page('archive'))).toBe(true);
    for (const year of new Set(published.map((article) => article.publishedAt.getUTCFullYear()))) {
      expect(fs.existsSync(page(`archive/${year}`)), String(year)).toBe(true);
    }
    for (const article of published) {
      const [year, month, day] = londonDay(article.publishedAt);
      const monthPage = fs.readFileSync(page(`archive/${year}/${month}`), 'utf8');
      const link = `href="/articles/${article.slug}/"`;
      if (monthPage.includes(link)) continue;
      // A month fuller than the sample's limit lists its days, and each day its articles.
      expect(monthPage, article.slug).toContain(`href="/archive/${year}/${month}/${day}/"`);
      expect(fs.readFileSync(page(`archive/${year}/${month}/${day}`), 'utf8'), article.slug).toContain(link);
    }
    expect(fs.existsSync(path.join(dist, '404.html'))).toBe(true);
  });

  it('files a full month by day, so that no archive page lists more than the limit', () => {
    const november = fs.readFileSync(page('archive/2026/11'), 'utf8');
    const inNovember = published.filter((article) => londonDay(article.publishedAt).slice(0, 2).join('-') === '2026-11');
    expect(inNovember.length).toBeGreaterThan(SAMPLE_ARCHIVE_MONTH_ARTICLES);
    expect(november).not.toContain('href="/articles/');
    const days = [...november.matchAll(/href="\/archive\/2026\/11\/(\d\d)\/"/g)].map((match) => match[1]!);
    expect(new Set(days)).toEqual(new Set(inNovember.map((article) => londonDay(article.publishedAt)[2])));
    const listed = days.flatMap((day) => [...fs.readFileSync(page(`archive/2026/11/${day}`), 'utf8').matchAll(/href="\/articles\/([^/"]+)\/"/g)].map((match) => match[1]));
    expect(listed.sort()).toEqual(inNovember.map((article) => article.slug).sort());
  });

  it('leads from the home page to every published article by its links', () => {
    const seen = new Set<string>();
    const queue = ['/'];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const file = page(url);
      if (!fs.existsSync(file)) continue;
      for (const [, href] of fs.readFileSync(file, 'utf8').matchAll(/href="(\/[^"#?]*\/)"/g)) {
        if (!seen.has(href!)) queue.push(href!);
      }
    }
    const unreached = published.filter((article) => !seen.has(`/articles/${article.slug}/`)).map((article) => article.slug);
    expect(unreached).toEqual([]);
  });

  it('optimises hero images into responsive WebP', () => {
    const withImage = published.find((article) => article.hasImage)!;
    const html = fs.readFileSync(page(`articles/${withImage.slug}`), 'utf8');
    const hero = /<figure class="hero[^"]*"[^>]*>\s*<img\b[^>]*>/.exec(html)?.[0] ?? '';
    expect(hero).toMatch(/srcset="\/_astro\/[^" ]+\.webp 480w, [^"]+\.webp 1600w"/);
    expect(hero).toMatch(/\ssizes="/);
  });
});
