import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot } from '../support/paths.ts';
import { readSampleArticles } from '../support/sample.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { findArticleFolder } from '../../src/content/article-files.ts';
import { searchScope } from '../../src/lib/search-manifest.ts';

const contentDir = path.join(repoRoot, 'content');
const published = readSampleArticles().filter((article) => article.published);
const body = (slug: string) =>
  ['index.md', 'index.mdx']
    .map((name) => path.join(findArticleFolder(contentDir, slug), name))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---'))
    .join('\n');
const topicName = (id: string) =>
  (yaml.load(fs.readFileSync(path.join(contentDir, 'topics', `${id}.yml`), 'utf8')) as { name: string }).name;

/** A word the sample content uses in one article's body only. */
const WORD = 'tidewater';
/** A word used across several topics, to have something to narrow. */
const BROAD_WORD = 'water';
/** A tag of several articles that none of them, nor any other, has in its text. */
const TAG_ONLY = 'cybersecurity';
/** A word in no article; Pagefind alone would answer it with pages holding its first letters ("in"). */
const NO_WORD = 'incunabula';
const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(inject('sampleSiteDir'), 'pagefind', 'shards.json'), 'utf8')) as {
    shards: { name: string; pages: number; from: string }[];
    first: number;
  };
const wordArticles = published.filter((article) => new RegExp(`\\b${WORD}\\b`, 'i').test(body(article.slug)));

describe('search', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(inject('sampleSiteDir'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) elsewhere.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Each test on its own makes no request outside the site (fonts, scripts and the index are all local).
  afterEach(() => {
    expect(elsewhere.splice(0)).toEqual([]);
  });

  const resultPaths = () =>
    page.locator('[data-results] h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  const status = async () => (await page.locator('[data-status]').textContent()) ?? '';
  const resultCount = async () => Number(/^(\d+) results?/.exec(await status())?.[1] ?? 0);
  const settled = () =>
    page.waitForFunction(
      () => /result/i.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-results][aria-busy]'),
    );

  it('finds the one article with a word in its body, and highlights the word there', async () => {
    expect(wordArticles).toHaveLength(1);
    const expected = `/articles/${wordArticles[0]!.slug}/`;
    await page.goto(`${server.url}/search/?q=${WORD}`);
    await settled();
    expect(await resultPaths()).toEqual([expected]);
    expect(await status()).toMatch(new RegExp(`^1 result for “${WORD}”( since [^.]+)?\\.$`));
    expect(await page.locator('[data-status]').getAttribute('aria-live')).toBe('polite');
    await expect(page.locator('[data-results] .excerpt mark').first().textContent()).resolves.toMatch(new RegExp(WORD, 'i'));

    await page.locator('[data-results] h3 a').click();
    await page.waitForURL((url) => url.pathname === expected && url.searchParams.get('highlight') === WORD);
    await page.waitForSelector('article mark');
    await expect(page.locator('article mark').first().textContent()).resolves.toMatch(new RegExp(WORD, 'i'));
  });

  it('searches what the reader typed while the index was still loading', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/shards.json', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}/search/`);
      await page.locator('#search-input').pressSequentially(WORD);
      // Past the typing pause, with the index still held back.
      await page.waitForTimeout(600);
      release();
      await settled();
      expect(await resultPaths()).toEqual([`/articles/${wordArticles[0]!.slug}/`]);
    } finally {
      release();
      await page.unroute('**/pagefind/shards.json');
    }
  });

  it('narrows by topic, keeps the filter in the URL, and the back button undoes it', async () => {
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}&archive=all`);
    await settled();
    const everything = await resultCount();
    const options = await page
      .locator('fieldset[data-facet="topic"] label')
      .evaluateAll((labels) =>
        labels.map((label) => ({
          name: label.querySelector('.value')?.textContent ?? '',
          count: Number(/\d+/.exec(label.querySelector('.count')?.textContent ?? '')?.[0]),
        })),
      );
    const topic = options.filter((option) => option.count < everything).sort((a, b) => a.count - b.count)[0];
    expect(topic, 'a topic that narrows the results').toBeDefined();

    await page.locator('fieldset[data-facet="topic"]').getByLabel(topic!.name).check();
    await page.waitForURL((url) => url.searchParams.get('topic') === topic!.name);
    await settled();
    expect(await resultCount()).toBe(topic!.count);
    expect(await status()).toContain('with these filters');
    const inTopic = new Set(
      published.filter((article) => article.topics.some((id) => topicName(id) === topic!.name)).map((article) => `/articles/${article.slug}/`),
    );
    for (const found of await resultPaths()) expect(inTopic, found).toContain(found);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('topic'));
    await settled();
    expect(await resultCount()).toBe(everything);
    expect(await page.locator('fieldset[data-facet="topic"]').getByLabel(topic!.name).isChecked()).toBe(false);
  });

  it('sorts by newest first', async () => {
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}&archive=all`);
    await settled();
    await page.locator('select[name="sort"]').selectOption('newest');
    await page.waitForURL(/[?&]sort=newest/);
    await settled();
    // Every result, so the order is checked across the yearly indexes too.
    while (await page.locator('[data-more]').isVisible()) {
      const shown = await page.locator('[data-results] li').count();
      await page.locator('[data-more]').click();
      await page.waitForFunction((count) => document.querySelectorAll('[data-results] li').length > count, shown);
    }
    const dates = await page.locator('[data-results] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(dates.length).toBe(await resultCount());
    expect(new Set(dates.map((date) => date.slice(0, 4))).size).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('searches a year split into runs of months, and narrows to one year', async () => {
    const shards = manifest().shards.map((shard) => shard.name);
    expect(shards.filter((shard) => shard.startsWith('2026-')).length).toBeGreaterThan(1);
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}&archive=all`);
    await settled();
    const all = await resultCount();
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}&year=2026&archive=all`);
    await settled();
    const in2026 = await resultCount();
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}&year=2025&archive=all`);
    await settled();
    const in2025 = await resultCount();
    expect(in2026).toBeGreaterThan(0);
    expect(in2025).toBeGreaterThan(0);
    expect(in2026 + in2025).toBe(all);
    const dates = await page.locator('[data-results] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(dates.every((date) => date.startsWith('2025'))).toBe(true);
  });

  it('searches the newest articles first, fetching only their indexes, and the whole archive when asked', async () => {
    const { shards, first } = manifest();
    expect(shards.length, 'older shards than the first ones').toBeGreaterThan(first);
    const firstNames = new Set(shards.slice(0, first).map((shard) => shard.name));
    const fetched = new Set<string>();
    const onRequest = (request: { url: () => string }) => {
      const shard = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname)?.[1];
      if (shard) fetched.add(shard);
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${server.url}/search/?q=${BROAD_WORD}`);
      await settled();
      expect([...fetched].filter((shard) => !firstNames.has(shard))).toEqual([]);
      const recent = await resultCount();
      expect(await status()).toMatch(/ since \d{1,2} \w+ \d{4}\.$/);
      await expect(page.locator('[data-scope]').isVisible()).resolves.toBe(true);
      const years = await page.locator('fieldset[data-facet="year"] .value').allTextContents();
      expect(years.length, 'older years are offered before they are searched').toBeGreaterThan(1);

      await page.locator('[data-older]').click();
      await page.waitForURL((url) => url.searchParams.get('archive') === 'all');
      await settled();
      expect(await resultCount()).toBeGreaterThan(recent);
      expect(await status()).not.toContain(' since ');
      await expect(page.locator('[data-scope]').isVisible()).resolves.toBe(false);
      expect(fetched.size).toBe(shards.length);
    } finally {
      page.off('request', onRequest);
    }
  });

  it("searches a chosen year's newest articles first, fetching only their indexes, and the whole year when asked", async () => {
    const { shards, first } = manifest();
    const of2026 = shards.filter((shard) => shard.name.startsWith('2026')).map((shard) => shard.name);
    const scope = searchScope({ shards, first }, ['2026'], false);
    expect(scope.shards.length, 'shards of 2026 left for the wider search').toBeLessThan(of2026.length);
    // What the page may fetch before the reader asks for more: the archive's first shards, which it loads at the start, and the year's.
    const allowed = new Set([...shards.slice(0, first).map((shard) => shard.name), ...scope.shards]);
    const fetched = new Set<string>();
    // A page of its own: the shards an earlier test's search merged would not be fetched again.
    const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    reader.on('request', (request) => {
      const shard = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname)?.[1];
      if (shard) fetched.add(shard);
    });
    const readerStatus = async () => (await reader.locator('[data-status]').textContent()) ?? '';
    const count = async () => Number(/^(\d+) results?/.exec(await readerStatus())?.[1] ?? 0);
    try {
      await reader.goto(`${server.url}/search/?q=${BROAD_WORD}&year=2026`);
      await reader.waitForFunction(() => / since /.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-results][aria-busy]'));
      expect([...fetched].filter((shard) => !allowed.has(shard))).toEqual([]);
      expect(await readerStatus()).toMatch(/ with these filters since \d{1,2} \w+ 2026\.$/);
      const part = await count();

      await reader.locator('[data-older]').click();
      await reader.waitForURL((url) => url.searchParams.get('archive') === 'all' && url.searchParams.get('year') === '2026');
      await reader.waitForFunction(() => /result/i.test(document.querySelector('[data-status]')?.textContent ?? '') && !/ since /.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-results][aria-busy]'));
      expect(await count()).toBeGreaterThanOrEqual(part);
      expect(of2026.filter((shard) => !fetched.has(shard))).toEqual([]);
      const dates = await reader.locator('[data-results] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.every((date) => date.startsWith('2026'))).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('finds the articles that carry a tag, though no article uses the word', async () => {
    const tagged = published.filter((article) => article.tags.includes(TAG_ONLY)).map((article) => `/articles/${article.slug}/`);
    expect(tagged.length).toBeGreaterThan(1);
    expect(published.filter((article) => new RegExp(TAG_ONLY, 'i').test(`${article.title} ${body(article.slug)}`))).toEqual([]);
    await page.goto(`${server.url}/search/?q=${TAG_ONLY}&archive=all`);
    await settled();
    expect((await resultPaths()).sort()).toEqual(tagged.sort());
  });

  it('finds nothing for a word in no article, and says so', async () => {
    await page.goto(`${server.url}/search/?q=${NO_WORD}`);
    await settled();
    expect(await resultPaths()).toEqual([]);
    expect(await status()).toBe(`No results for “${NO_WORD}”. Try another word.`);
    await expect(page.locator('[data-scope]').isVisible()).resolves.toBe(false);
  });

  it('restores the results when the page is reloaded', async () => {
    await page.goto(`${server.url}/search/?q=${BROAD_WORD}`);
    await settled();
    const before = await resultPaths();
    expect(before.length).toBeGreaterThan(0);
    await page.reload();
    await settled();
    expect(await page.locator('#search-input').inputValue()).toBe(BROAD_WORD);
    expect(await resultPaths()).toEqual(before);
  });

  it('leads from the header search box on an article to the results', async () => {
    await page.goto(`${server.url}/articles/${published[0]!.slug}/`);
    await page.locator('#site-search-input').fill(WORD);
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === WORD);
    await settled();
    expect(await resultPaths()).toEqual([`/articles/${wordArticles[0]!.slug}/`]);
  });

  it('keeps the page still while the search and its results load, on a phone and on a desktop', async () => {
    for (const viewport of [{ width: 412, height: 823 }, { width: 1350, height: 940 }]) {
      const tab = await browser.newPage({ viewport });
      await tab.addInitScript(() => {
        (window as unknown as { layoutShift: number }).layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { layoutShift: number }).layoutShift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await tab.goto(`${server.url}/search/?q=${BROAD_WORD}`);
      await tab.waitForFunction(() => !document.querySelector('[data-results][aria-busy]') && document.querySelectorAll('[data-results] li').length > 0);
      await tab.waitForTimeout(500);
      // Cumulative layout shift, as Lighthouse and Core Web Vitals count it; "good" is below 0.1.
      const shift = await tab.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
      expect(shift, `${viewport.width} px`).toBeLessThan(0.1);
      await tab.close();
    }
  });

  it('tells readers without JavaScript that search needs it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${server.url}/search/`);
    await expect(noScript.locator('[data-notice]').textContent()).resolves.toContain('Search needs JavaScript');
    expect(await noScript.locator('[data-notice] a').getAttribute('href')).toBe('/archive/');
    expect(await noScript.locator('#search-input').isVisible()).toBe(false);
    await context.close();
  });
});
