import fs from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../support/build.ts';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, testOutput } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const TITLE = `Headline </script><script>alert('x')</script> with "quotes" & 'apostrophes' <b>bold</b>`;
const AUTHOR = 'Mallory "<img src=x onerror=alert(1)>"';
const TOPIC = "Tricky </script><script>alert('topic')</script>";
const DEK = `Dek </script><!-- with "quotes" & <i>tags</i> <img src=x onerror=alert('dek')>`;
const SITE_DESCRIPTION = 'A corpus whose every field tries to break out, <b>bold</b> & all.';

/** Every alert, confirm or prompt the page opens: injected script would show up here. */
function collectDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

describe('hostile frontmatter comes out as inert text everywhere', () => {
  const dist = path.join(testOutput, 'hostile-site');
  let server: StaticServer;
  let browser: Browser;
  let buildOutput = '';

  beforeAll(async () => {
    // A cached content store would skip the sanitiser, and with it the warnings this suite reads.
    for (const folder of [dist, `${dist}.cache`]) fs.rmSync(folder, { recursive: true, force: true });
    const result = await buildSite({
      contentDir: path.join(repoRoot, 'tests/fixtures/hostile'),
      outDir: dist,
      env: { BROADSHEET_NOW: '2026-11-29T00:00:00Z' },
    });
    expect(result.code, result.output).toBe(0);
    buildOutput = result.output;
    server = await serveStatic(dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no injected script and shows every value as text on every page', async () => {
    const page = await browser.newPage();
    const dialogs = collectDialogs(page);
    for (const url of ['/', '/articles/hostile-headline/', '/authors/mallory/', '/topics/tricky/', '/tags/', '/archive/2026/', '/archive/2026/11/']) {
      await page.goto(`${server.url}${url}`);
      expect(await page.locator('script:not([type="application/ld+json"]):not([src]):not([type="module"])').evaluateAll(
        (scripts) => scripts.filter((script) => script.textContent?.includes('alert')).length,
      )).toBe(0);
      expect(await page.locator('[onerror], [onclick], [onmouseover]').count(), url).toBe(0);
    }
    await page.goto(`${server.url}/articles/hostile-headline/`);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await page.title()).toBe(`${TITLE} | Hostile & <Co>`);
    expect(await page.locator('.byline a[rel="author"]').textContent()).toBe(AUTHOR);
    expect(await page.locator('.kicker').first().textContent()).toBe(TOPIC);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
    expect(await page.locator('.hero img').getAttribute('alt')).toBe(`Alt "><script>alert('alt')</script>`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe('https://example.org/original?a=1&b="2"');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('strips script from article bodies at build time and says so, naming the file', async () => {
    for (const warning of [
      'hostile-headline/index.md: removed <script> element',
      'hostile-headline/index.md: removed onError attribute on <img>',
      'hostile-headline/index.md: removed <iframe> from a host not on the allow-list',
      'hostile-mdx/index.mdx: removed <script> element',
      'hostile-mdx/index.mdx: removed onClick attribute on <div>',
    ]) {
      expect(buildOutput).toContain(warning);
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/articles/hostile-headline/`);
    const body = page.locator('.prose');
    expect(await body.locator('script, [onclick], [onerror]').count()).toBe(0);
    expect(await body.locator('a:not([href])').count()).toBe(2);
    expect(await body.locator('a[href^="javascript"], a[href^="data"]').count()).toBe(0);
    expect(await body.locator('iframe').evaluateAll((frames) => frames.map((frame) => (frame as HTMLIFrameElement).src))).toEqual([
      'https://www.youtube-nocookie.com/embed/abc123',
    ]);
    expect(await body.textContent()).toContain('Clickable paragraph');
    // The page frames the allowed embed hosts; a page without an embed frames none.
    const framing = async () => /frame-src ([^;]*)/.exec((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '')?.[1];
    expect(await framing()).toContain('https://www.youtube-nocookie.com');
    await page.goto(`${server.url}/articles/hostile-mdx/`);
    expect(await page.locator('.prose script, .prose [onclick]').count()).toBe(0);
    expect(await page.locator('.prose .callout').count()).toBe(1);
    expect(await framing()).toBe("'none'");
    await page.close();
  });

  it('shows search results from the index as text', async () => {
    const page = await browser.newPage();
    const dialogs = collectDialogs(page);
    await page.goto(`${server.url}/search/?q=zanzibarite`);
    await page.waitForFunction(
      () => /result/i.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-results][aria-busy]'),
    );
    const results = page.locator('[data-results]');
    expect(await results.locator('h3 a').first().textContent()).toBe(TITLE);
    expect(await results.textContent()).toContain(TOPIC);
    expect(await results.locator('script, b, img[onerror], [onclick]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('keeps JSON-LD parseable and exact', () => {
    const html = fs.readFileSync(path.join(dist, 'articles/hostile-headline/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const text of scripts) expect(text).not.toMatch(/<\/script/i);
    const news = scripts.map((text) => JSON.parse(text)).find((data) => data['@type'] === 'NewsArticle');
    expect(news.headline).toBe(TITLE);
    expect(news.author[0].name).toBe(AUTHOR);
    expect(news.articleSection).toBe(TOPIC);
  });

  it('keeps feeds well-formed and exact', async () => {
    const feed = await new Parser().parseString(fs.readFileSync(path.join(dist, 'rss.xml'), 'utf8'));
    expect(feed.title).toBe('Hostile & <Co>');
    expect(feed.items[0]?.title).toBe(TITLE);
    const json = JSON.parse(fs.readFileSync(path.join(dist, 'feed.json'), 'utf8'));
    expect(json.items[0].title).toBe(TITLE);
    expect(json.items[0].authors[0].name).toBe(AUTHOR);
    expect(json.items[0].summary).toBe(DEK);
  });

  it('feed descriptions, which readers show as HTML, show the dek and the site description as text', async () => {
    const feed = await new Parser().parseString(fs.readFileSync(path.join(dist, 'rss.xml'), 'utf8'));
    const page = await browser.newPage();
    const dialogs = collectDialogs(page);
    // What a feed reader does with a description: parse it as HTML and show it.
    const shown = (html: string) =>
      page.evaluate((markup) => {
        const holder = document.createElement('div');
        holder.innerHTML = markup;
        document.body.append(holder);
        return { text: holder.textContent, elements: holder.querySelectorAll('*').length };
      }, html);
    // rss-parser hands an item's <description>, XML-decoded, over as `content`.
    expect(await shown(feed.items[0]?.content ?? '')).toEqual({ text: DEK, elements: 0 });
    expect(await shown(feed.description ?? '')).toEqual({ text: SITE_DESCRIPTION, elements: 0 });
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('renders the OG card from the same text', async () => {
    const meta = await sharp(path.join(dist, 'og/hostile-headline.jpg')).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });
});
