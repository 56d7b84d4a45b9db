/**
 * The sample publication built in German, in New York's time zone, and a
 * small Arabic publication (`tests/fixtures/arabic-publication`) in Cairo's:
 * no word of the English dictionary left on any page, the layout mirrored for
 * Arabic, dates in the publication's zone, and the English build's quality gates.
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
import { entriesOf, type Dictionary, type Entry } from '../../src/i18n/translate.ts';
import { formatDateTime } from '../../src/lib/dates.ts';

const dictionary = (language: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'src/i18n/languages', `${language}.json`), 'utf8')) as Dictionary;
const formsOf = (entry: Entry): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry));

/** An article published at 23:30 on New Year's Eve in New York: already 1 January in London and Cairo. */
const NEW_YEARS_EVE = { slug: 'harbour-fireworks-move-upriver', publishedAt: '2025-12-31T23:30:00-05:00' };

interface Edition {
  language: string;
  locale: string;
  timeZone: string;
  /** The zone's offsets from UTC, in winter and summer, as RSS writes them. */
  offsets: string[];
  direction: 'ltr' | 'rtl';
  /** The content to build, and an author and a topic of it for the New Year's Eve article. */
  source: string;
  byline: { author: string; topic: string };
  /** A word in articles of the edition, typed into the search box. */
  searchWord: string;
  pages: string[];
  dist: string;
}

const editions: Edition[] = [
  {
    language: 'de',
    locale: 'de-DE',
    timeZone: 'America/New_York',
    offsets: ['-0500', '-0400'],
    direction: 'ltr',
    source: path.join(repoRoot, 'content'),
    byline: { author: 'elias-haddad', topic: 'world' },
    searchWord: 'water',
    pages: ['/', `/articles/${NEW_YEARS_EVE.slug}/`, '/search/?q=water', '/archive/2026/', '/no-such-page/'],
    dist: '',
  },
  {
    language: 'ar',
    locale: 'ar-EG',
    timeZone: 'Africa/Cairo',
    offsets: ['+0200', '+0300'],
    direction: 'rtl',
    source: path.join(repoRoot, 'tests/fixtures/arabic-publication'),
    byline: { author: 'salma-haddad', topic: 'world' },
    searchWord: 'المياه',
    pages: ['/', `/articles/${NEW_YEARS_EVE.slug}/`, '/search/?q=المياه', '/archive/2026/', '/topics/world/', '/no-such-page/'],
    dist: '',
  },
];

/** The edition's content, with its language and time zone in the settings and the New Year's Eve article. */
function contentFor(edition: Edition): string {
  const dir = path.join(testOutput, `content-${edition.language}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(edition.source, dir, { recursive: true });
  const settingsFile = path.join(dir, 'settings.yml');
  const settings = yaml.load(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(settingsFile, yaml.dump({ ...settings, language: edition.locale, timeZone: edition.timeZone }));
  const articleDir = path.join(dir, 'articles', '2025', NEW_YEARS_EVE.slug);
  fs.mkdirSync(articleDir, { recursive: true });
  fs.writeFileSync(
    path.join(articleDir, 'index.md'),
    `---\ntitle: "Harbour fireworks move upriver for the new year"\ndescription: "The display leaves the old pier for the first time in a decade."\npublishedAt: ${NEW_YEARS_EVE.publishedAt}\nauthors: [${edition.byline.author}]\ntopics: [${edition.byline.topic}]\n---\n\nThe city's fireworks were launched from barges upriver this year, away from the pier under repair.\n`,
  );
  return dir;
}

/** Visible text nodes and the attributes a reader meets (labels, titles, alt and placeholder texts, meta content). */
function wordsOnPage(html: string): string[] {
  const decode = (text: string) => text.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const body = html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, ' ');
  const texts = body.split(/<[^>]+>/).map((text) => decode(text).replace(/\s+/g, ' ').trim());
  const attributes = [
    ...body.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g),
    ...body.matchAll(/<meta (?:name="description"|property="og:(?:title|description|image:alt)") content="([^"]*)"/g),
  ].map((match) => decode(match[1]!).trim());
  return [...texts, ...attributes].filter(Boolean);
}

/** Placeholders that stand for a number: a page's number, a count or a year is one run of digits. */
const NUMERIC = new Set(['count', 'number', 'total', 'year']);

/**
 * A matcher for each English message the edition words differently: the whole
 * message, its placeholders as wildcards, and each run of words between them.
 * A text the edition uses itself somewhere (German's "Format") is not English left over.
 */
function englishLeftovers(language: string): { key: string; test: (text: string) => boolean }[] {
  const english = dictionary('en');
  const theirs = new Set(entriesOf(dictionary(language)).flatMap(([, entry]) => formsOf(entry)));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return entriesOf(english).flatMap(([key, entry]) =>
    formsOf(entry)
      .filter((form) => !theirs.has(form) && /\p{L}{2}/u.test(form.replace(/\{\w+\}/g, '')))
      .map((form) => {
        const pattern = form.split(/(\{\w+\})/).map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (name === undefined) return escape(part);
          return NUMERIC.has(name) ? '[\\p{N}.,]+' : '.{1,60}?';
        });
        // A message of one word around its values ("{topic} from {site}") would match English content, not words of the site's own.
        const words = form.replace(/\{\w+\}/g, ' ').match(/\p{L}{2,}/gu) ?? [];
        const whole = words.length >= 2 ? new RegExp(`^${pattern.join('')}$`, 'u') : undefined;
        const runs = form.split(/\{\w+\}/).map((part) => part.trim()).filter((part) => /\p{L}{2}/u.test(part) && !theirs.has(part));
        return { key, test: (text: string) => whole?.test(text) === true || runs.includes(text) };
      }),
  );
}

for (const edition of editions) {
  describe(`a publication in ${edition.locale}`, () => {
    let files: string[];
    let server: StaticServer;
    let browser: Browser;

    beforeAll(async () => {
      edition.dist = path.join(testOutput, `site-${edition.language}`);
      // As for the English sample: BROADSHEET_TEST_REUSE_BUILD=1 keeps a build that is there.
      if (process.env['BROADSHEET_TEST_REUSE_BUILD'] !== '1' || !fs.existsSync(path.join(edition.dist, 'index.html'))) {
        fs.rmSync(edition.dist, { recursive: true, force: true });
        const result = await buildSite({ contentDir: contentFor(edition), outDir: edition.dist, env: SAMPLE_ENV });
        if (result.code !== 0) throw new Error(`The ${edition.locale} build failed:\n${result.output}`);
      }
      files = htmlFiles(edition.dist);
      server = await serveStatic(edition.dist);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('declares its language and direction on every page', () => {
      const wrong = files.filter((file) => !fs.readFileSync(file, 'utf8').includes(`<html lang="${edition.locale}" dir="${edition.direction}"`));
      expect(wrong.map((file) => path.relative(edition.dist, file))).toEqual([]);
    });

    it('shows no word of the English dictionary', () => {
      const leftovers = englishLeftovers(edition.language);
      const found = new Set<string>();
      for (const file of files) {
        for (const text of wordsOnPage(fs.readFileSync(file, 'utf8'))) {
          for (const { key, test } of leftovers) if (test(text)) found.add(`${path.relative(edition.dist, file)}: "${text.slice(0, 80)}" (${key})`);
        }
      }
      expect([...found].slice(0, 40)).toEqual([]);
    });

    it('passes html-validate and the link check', async () => {
      expect(await invalidHtml(edition.dist, files)).toEqual([]);
      expect(brokenLinks(edition.dist, files)).toEqual([]);
    });

    it.each(edition.pages)('%s has no axe violations', async (url) => {
      expect(await axeViolations(browser, `${server.url}${url}`)).toEqual([]);
    });

    it('finds articles from the search box, and says so in its language', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/search/`);
      await page.locator('#search-input').pressSequentially(edition.searchWord);
      await page.waitForFunction(() => document.querySelector('[data-results] h3 a') !== null && !document.querySelector('[data-results][aria-busy]'));
      const links = await page.locator('[data-results] h3 a').count();
      expect(links).toBeGreaterThan(0);
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      expect(status).toContain(edition.searchWord);
      expect(status).not.toMatch(/\bresults?\b/);
      await page.close();
    });

    it('dates an article in the publication’s time zone: on its page, in the archive and in the feeds', () => {
      const read = (file: string) => fs.readFileSync(path.join(edition.dist, file), 'utf8');
      const moment = new Date(NEW_YEARS_EVE.publishedAt);
      expect(read(`articles/${NEW_YEARS_EVE.slug}/index.html`)).toContain(formatDateTime(moment, edition));
      const link = `/articles/${NEW_YEARS_EVE.slug}/`;
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: edition.timeZone, year: 'numeric', month: '2-digit' }).format(moment).split('-');
      const month = `archive/${local[0]}/${local[1]}/index.html`;
      expect(fs.existsSync(path.join(edition.dist, month)) && read(month)).toContain(link);
      const other = local[0] === '2025' ? 'archive/2026/01/index.html' : 'archive/2025/12/index.html';
      if (fs.existsSync(path.join(edition.dist, other))) expect(read(other)).not.toContain(link);
      const pubDates = [...read('rss.xml').matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((match) => match[1]!);
      expect(pubDates.length).toBeGreaterThan(0);
      expect(pubDates.filter((date) => !edition.offsets.includes(date.slice(-5)))).toEqual([]);
    });
  });
}
