/**
 * The sample publication in two languages: English at the root and German
 * under `/de/` (`tests/fixtures/german-edition` laid over the sample
 * content). Each translation links to the other with `hreflang`, each
 * language has its own front page, feeds and search, and the sitemaps list
 * the alternates.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, SAMPLE_ENV, testOutput } from '../support/paths.ts';
import { axeViolations, brokenLinks, htmlFiles, invalidHtml } from '../support/quality-checks.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const SITE = 'https://broadsheet.example';
/** English–German pairs: an English original translated into German, and a German original translated into English. */
const PAIRS = [
  { en: 'city-budgets-need-a-storm-line', de: 'stadthaushalte-brauchen-eine-sturmzeile' },
  { en: 'drinking-fountains-with-sensors', de: 'trinkbrunnen-mit-sensoren' },
];
const GERMAN = ['stadthaushalte-brauchen-eine-sturmzeile', 'trinkbrunnen-mit-sensoren', 'windstrom-fuer-faehren'];

const dist = path.join(testOutput, 'site-en-de');
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const articlePage = (slug: string) => read(`articles/${slug}/index.html`);
const alternatesOf = (html: string) => [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((match) => `${match[1]} ${match[2]}`);
const itemLinks = (xml: string) => [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]!);

function contentInTwoLanguages(): string {
  const dir = path.join(testOutput, 'content-en-de');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, 'content'), dir, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/german-edition/articles'), path.join(dir, 'articles'), { recursive: true });
  const settingsFile = path.join(dir, 'settings.yml');
  const settings = yaml.load(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(settingsFile, yaml.dump({ ...settings, otherLanguages: ['de-DE'] }));
  return dir;
}

describe('a publication in English and German', () => {
  let files: string[];
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (process.env['BROADSHEET_TEST_REUSE_BUILD'] !== '1' || !fs.existsSync(path.join(dist, 'de/index.html'))) {
      fs.rmSync(dist, { recursive: true, force: true });
      const result = await buildSite({ contentDir: contentInTwoLanguages(), outDir: dist, env: SAMPLE_ENV });
      if (result.code !== 0) throw new Error(`The two-language build failed:\n${result.output}`);
    }
    files = htmlFiles(dist);
    server = await serveStatic(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAIRS)('links $en and $de to each other, with hreflang alternates on both', ({ en, de }) => {
    const alternates = [`en-GB ${SITE}/articles/${en}/`, `de-DE ${SITE}/articles/${de}/`];
    for (const [slug, other, language] of [
      [en, de, 'de-DE'],
      [de, en, 'en-GB'],
    ] as const) {
      const html = articlePage(slug);
      expect(alternatesOf(html), slug).toEqual(alternates);
      expect(html, slug).toMatch(new RegExp(`<a href="/articles/${other}/" hreflang="${language}"`));
    }
  });

  it('sets each article in its own language, words of the site included', () => {
    for (const slug of GERMAN) {
      const html = articlePage(slug);
      expect(html, slug).toContain('<html lang="de-DE" dir="ltr">');
      expect(html, slug).toContain('Artikel teilen');
      expect(html, slug).not.toContain('Share this article');
    }
    expect(articlePage(PAIRS[0]!.en)).toContain('<html lang="en-GB" dir="ltr">');
    expect(articlePage(PAIRS[0]!.en)).toContain('This article in other languages');
    expect(articlePage(PAIRS[0]!.de)).toContain('Dieser Artikel in anderen Sprachen');
  });

  it('gives each language its own front page, each an alternate of the other', () => {
    const german = read('de/index.html');
    const english = read('index.html');
    expect(german).toContain('<html lang="de-DE"');
    for (const slug of GERMAN) {
      expect(german, slug).toContain(`href="/articles/${slug}/"`);
      expect(english, slug).not.toContain(`href="/articles/${slug}/"`);
    }
    expect(german).not.toContain(`href="/articles/${PAIRS[0]!.en}/"`);
    for (const html of [german, english]) expect(alternatesOf(html)).toEqual([`en-GB ${SITE}/`, `de-DE ${SITE}/de/`]);
    expect(german).toMatch(/<a href="\/" hreflang="en-GB" lang="en-GB" dir="ltr"[^>]*>English<\/a>/);
    expect(english).toMatch(/<a href="\/de\/" hreflang="de-DE" lang="de-DE"[^>]*>Deutsch<\/a>/);
  });

  it('gives each language its own feeds', () => {
    const germanRss = read('de/rss.xml');
    expect(germanRss).toContain('<language>de-de</language>');
    expect(itemLinks(germanRss).sort()).toEqual(GERMAN.map((slug) => `${SITE}/articles/${slug}/`).sort());
    expect(itemLinks(read('rss.xml')).filter((link) => GERMAN.some((slug) => link.endsWith(`/${slug}/`)))).toEqual([]);
    const germanJson = JSON.parse(read('de/feed.json')) as { language: string; feed_url: string; items: { url: string; language: string }[] };
    expect(germanJson.language).toBe('de-DE');
    expect(germanJson.feed_url).toBe(`${SITE}/de/feed.json`);
    expect(germanJson.items.map((item) => item.language)).toEqual(GERMAN.map(() => 'de-DE'));
  });

  it('lists the alternates in the sitemaps, and no language’s search page', () => {
    const sitemaps = fs.readdirSync(dist).filter((name) => /^sitemap-.*\.xml$/.test(name) && name !== 'sitemap-index.xml').map(read).join('');
    for (const { en, de } of PAIRS) {
      const entry = new RegExp(`<url><loc>${SITE}/articles/${de}/</loc><lastmod>[^<]+</lastmod><xhtml:link rel="alternate" hreflang="en-GB" href="${SITE}/articles/${en}/"/><xhtml:link rel="alternate" hreflang="de-DE" href="${SITE}/articles/${de}/"/></url>`);
      expect(sitemaps).toMatch(entry);
    }
    expect(sitemaps).toContain(`<loc>${SITE}/de/</loc><xhtml:link rel="alternate" hreflang="en-GB" href="${SITE}/"/>`);
    expect(sitemaps).not.toContain('/search/');
  });

  it('passes html-validate and the link check', async () => {
    expect(await invalidHtml(dist, files)).toEqual([]);
    expect(brokenLinks(dist, files)).toEqual([]);
  });

  it.each(['/de/', `/articles/${PAIRS[1]!.de}/`, `/articles/${PAIRS[1]!.en}/`, '/de/search/?q=Brunnen'])('%s has no axe violations', async (url) => {
    expect(await axeViolations(browser, `${server.url}${url}`)).toEqual([]);
  });

  it('searches each language’s articles from its own search page', async () => {
    const resultsFor = async (searchPage: string, word: string) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}${searchPage}`);
      await page.locator('#search-input').pressSequentially(word);
      await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.trim() && !document.querySelector('[data-results][aria-busy]'));
      await page.waitForTimeout(300);
      const links = await page.locator('[data-results] h3 a').evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      await page.close();
      return { links, status };
    };
    const german = await resultsFor('/de/search/', 'Trinkbrunnen');
    expect(german.links).toEqual([`/articles/${PAIRS[1]!.de}/`]);
    expect(german.status).toContain('Trinkbrunnen');
    expect(german.status).not.toMatch(/\bresults?\b/);
    // The English search knows the English version only, and German words find nothing there.
    expect((await resultsFor('/search/', 'fountains')).links).toEqual([`/articles/${PAIRS[1]!.en}/`]);
    expect((await resultsFor('/search/', 'Trinkbrunnen')).links).toEqual([]);
  });
});
