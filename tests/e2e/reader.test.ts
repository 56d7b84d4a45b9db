import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { SAMPLE_PAGE_SIZE } from '../support/paths.ts';

describe('a reader on the built site', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(inject('sampleSiteDir'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from the home page to an article with its full anatomy, then to the author and topic pages', async () => {
    await page.goto(`${server.url}/`);
    const lead = page.locator('.top .lead h2 a');
    const headline = (await lead.textContent())!.trim();
    await lead.click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);

    const article = page.locator('article.article');
    await expect(article.locator('h1').textContent()).resolves.toBe(headline);
    await expect(page.locator('.breadcrumbs a').first().textContent()).resolves.toBe('Home');
    const bylineLinks = article.locator('.byline a[rel="author"]');
    expect(await bylineLinks.count()).toBeGreaterThanOrEqual(1);
    expect(await article.locator('.byline .avatar').count()).toBe(await bylineLinks.count());
    expect(await article.locator('.dates time[datetime]').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(article.locator('.read-time').textContent()).resolves.toMatch(/^\d+ min read$/);
    const hero = article.locator('.hero img');
    expect(await hero.getAttribute('alt')).toBeTruthy();
    expect(await hero.getAttribute('srcset')).toMatch(/\/_astro\/[^ ]+\.webp \d+w/);
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await article.locator('.author-box').count()).toBe(await bylineLinks.count());
    const related = page.locator('.related article');
    expect(await related.count()).toBeGreaterThanOrEqual(3);
    expect(await related.count()).toBeLessThanOrEqual(4);
    const relatedLinks = await page.locator('.related h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(relatedLinks).not.toContain(new URL(page.url()).pathname);
    expect(await page.locator('.share a').count()).toBe(5);

    const authorName = (await bylineLinks.first().textContent())!.trim();
    await bylineLinks.first().click();
    await page.waitForURL(/\/authors\/[^/]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(authorName);
    expect(await page.locator('.cards article').count()).toBeGreaterThanOrEqual(1);
  });

  it('pages through a topic', async () => {
    await page.goto(`${server.url}/topics/world/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('World');
    // The front page holds the newest articles; the pages behind it are numbered from the oldest.
    expect(await page.locator('.cards > li').count()).toBeGreaterThanOrEqual(SAMPLE_PAGE_SIZE);
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL(/\/topics\/world\/2\/$/);
    expect(await page.locator('.cards > li').count()).toBe(SAMPLE_PAGE_SIZE);
    expect(await page.locator('.cards > li').count()).toBeGreaterThanOrEqual(1);
    await expect(page.locator('.pager a[aria-current="page"]').textContent()).resolves.toContain('2');
  });

  it('remembers the chosen theme across pages without a flash', async () => {
    await page.goto(`${server.url}/`);
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? 'system');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await background();
    await page.locator('theme-toggle button').click();
    expect(await theme()).toBe('dark');
    expect(await background()).not.toBe(lightBackground);
    expect(await page.locator('theme-toggle button').getAttribute('aria-pressed')).toBe('true');

    // The theme must be on <html> before first paint: check it in a page whose scripts have not run yet.
    await page.goto(`${server.url}/archive/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await theme()).toBe('dark');
    await page.reload();
    expect(await theme()).toBe('dark');
    await page.locator('theme-toggle button').click();
    expect(await theme()).toBe('light');
  });

  it('shows a helpful 404 page', async () => {
    const response = await page.goto(`${server.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('can’t find that page');
    expect(await page.locator('main form[role="search"]').count()).toBe(1);
  });

  it('declares each image as wide as its layout draws it, from phone to desktop', async () => {
    // The browser picks a file from `sizes` before layout: wider than drawn wastes bytes, narrower blurs.
    await page.goto(`${server.url}/`);
    const article = (await page.locator('.top .lead h2 a').getAttribute('href'))!;
    for (const width of [360, 412, 600, 800, 1000, 1024, 1100, 1280, 1600]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      for (const url of ['/', '/topics/world/', article]) {
        await tab.goto(`${server.url}${url}`);
        const images = await tab.locator('img[sizes]').evaluateAll(async (elements) => {
          const images = elements as HTMLImageElement[];
          for (const img of images) img.loading = 'eager';
          await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
          // With a w-descriptor srcset, the natural width is the slot `sizes` declared.
          return images.map((img) => ({ where: img.parentElement?.className ?? '', drawn: img.getBoundingClientRect().width, declared: img.naturalWidth }));
        });
        expect(images.length, url).toBeGreaterThan(0);
        for (const { where, drawn, declared } of images) {
          const label = `${width}px ${url} ${where}: drawn ${drawn.toFixed(1)}, declared ${declared}`;
          expect(declared, label).toBeGreaterThanOrEqual(Math.floor(drawn) - 1);
          expect(declared, label).toBeLessThanOrEqual(drawn * 1.1 + 2);
        }
      }
      await tab.close();
    }
  });

  it('lays out without horizontal scrolling at 320 px', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const url of ['/', '/topics/world/', '/archive/']) {
      await narrow.goto(`${server.url}${url}`);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await narrow.close();
  });
});
