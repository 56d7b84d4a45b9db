import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readSampleArticles, readYamlIds } from '../support/sample.ts';
import { slugify } from '../../src/lib/slug.ts';

const PAGE_SIZE = 10;
const articles = readSampleArticles();
const published = articles.filter((article) => article.published);
const unpublished = articles.filter((article) => !article.published);

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

  it('paginates every topic by shared topic membership', () => {
    for (const topic of readYamlIds('topics')) {
      const count = published.filter((article) => article.topics.includes(topic)).length;
      const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
      expect(fs.existsSync(page(`topics/${topic}`)), topic).toBe(true);
      for (let n = 2; n <= pages; n++) expect(fs.existsSync(page(`topics/${topic}/${n}`)), `${topic} page ${n}`).toBe(true);
      expect(fs.existsSync(page(`topics/${topic}/${pages + 1}`))).toBe(false);
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
    expect(fs.existsSync(path.join(dist, '404.html'))).toBe(true);
  });

  it('optimises hero images into responsive WebP', () => {
    const withImage = published.find((article) => article.hasImage)!;
    const html = fs.readFileSync(page(`articles/${withImage.slug}`), 'utf8');
    const hero = /<figure class="hero[^"]*"[^>]*>\s*<img\b[^>]*>/.exec(html)?.[0] ?? '';
    expect(hero).toMatch(/srcset="\/_astro\/[^" ]+\.webp 480w, [^"]+\.webp 1600w"/);
    expect(hero).toMatch(/\ssizes="/);
  });
});
