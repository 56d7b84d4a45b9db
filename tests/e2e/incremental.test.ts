/**
 * Never stale: after each kind of publish, the incremental build (reusing the
 * previous build's cache) must equal, file for file, a clean build of the
 * same content with no cache at all. Each test starts from the same first
 * build, so each stands alone; the schema sweep (`schema-sweep.test.ts`)
 * publishes one change after another.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { scenario } from '../../bench/scenarios.ts';
import { buildSite, type BuildResult } from '../support/build.ts';
import { describeDiff, diffDirs } from '../support/compare-dirs.ts';
import { testOutput } from '../support/paths.ts';
import { NOT_APPLIED } from '../../src/integrations/content-store.ts';
import { findArticleFolder } from '../../src/content/article-files.ts';
import { CACHE } from '../../src/integrations/cache-layout.ts';

const NOW = '2026-11-01T00:00:00Z';
const env = { BROADSHEET_NOW: NOW };

/** A generated corpus, the output its incremental builds update, and the clean build each is compared with. */
function corpusAt(name: string) {
  const work = path.join(testOutput, name);
  return { work, contentDir: path.join(work, 'content'), incremental: path.join(work, 'incremental'), clean: path.join(work, 'clean') };
}
type Corpus = ReturnType<typeof corpusAt>;

const main = corpusAt('incremental');
const { contentDir, incremental } = main;

/** Publishes grouped in pairs: each step is one incremental build checked against one clean build. */
const STEPS = [
  ['edit-body', 'change-headline'],
  ['add-article', 'delete-article', 'drop-hero'],
  ['rename-author', 'move-topic'],
  ['change-settings', 'draft-article'],
  ['age-notice'],
  ['author-bio', 'topic-description'],
  ['post-update', 'join-series'],
  ['post-update', 'end-live'],
];

/** A build, with the moment it started: a page it did not render keeps an older time (`reusedPages`). */
async function build(outDir: string, corpus: Corpus = main): Promise<BuildResult & { started: number }> {
  const started = Date.now();
  const result = await buildSite({ contentDir: corpus.contentDir, outDir, env });
  expect(result.code, result.output).toBe(0);
  return { ...result, started };
}

/** A clean build in a fresh folder with a fresh cache, compared with the incremental output. */
async function expectSameAsClean(corpus: Corpus = main) {
  fs.rmSync(corpus.clean, { recursive: true, force: true });
  fs.rmSync(`${corpus.clean}.cache`, { recursive: true, force: true });
  await build(corpus.clean, corpus);
  const diff = diffDirs(corpus.incremental, corpus.clean);
  expect(describeDiff(diff, ['incremental', 'clean'])).toBe('');
}

/** An article page's previous/next links. */
const PREV_NEXT = /<nav class="prev-next"[\s\S]*?<\/nav>/;

/** An article page whose previous/next links name an article its related stories do not list. */
function neighbourNotRelated(site: string): { page: string; neighbour: string } | undefined {
  const articles = path.join(site, 'articles');
  for (const page of fs.readdirSync(articles).sort()) {
    const html = fs.readFileSync(path.join(articles, page, 'index.html'), 'utf8');
    const links = PREV_NEXT.exec(html)?.[0] ?? '';
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const [, neighbour] of links.matchAll(/href="\/articles\/([^/"]+)\/"/g)) {
      if (!related.includes(`/articles/${neighbour}/`)) return { page, neighbour: neighbour! };
    }
  }
  return undefined;
}

/** The HTML pages under `folder` of the output. */
function htmlPages(site: string, folder = ''): string[] {
  return (fs.readdirSync(path.join(site, folder), { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => path.join(site, folder, file));
}

/**
 * The pages a build reused instead of rendering, told from the files
 * themselves: a rendered page is written during the build, while a reused one
 * is the cache's file, linked in (`restore-pages.ts`) or copied with its time.
 */
const reusedPages = (result: { started: number }, site = incremental, folder = '') => htmlPages(site, folder).filter((file) => fs.statSync(file).mtimeMs < result.started);

/** The corpus with its first build and cache, kept aside: every test starts from a copy, at the same paths. */
const base = `${main.work}-base`;

describe('an incremental build', () => {
  beforeAll(async () => {
    for (const dir of [main.work, base]) fs.rmSync(dir, { recursive: true, force: true });
    await generateCorpus({ dir: contentDir, articles: 24, imagesEvery: 8, seed: 5, now: new Date(NOW) });
    await build(incremental);
    fs.cpSync(main.work, base, { recursive: true, preserveTimestamps: true });
  });

  beforeEach(() => {
    fs.rmSync(main.work, { recursive: true, force: true });
    fs.cpSync(base, main.work, { recursive: true, preserveTimestamps: true });
  });

  for (const names of STEPS) {
    it(`equals a clean build after: ${names.join(', ')}`, async () => {
      for (const name of names) scenario(name).apply(contentDir, new Date(NOW));
      const result = await build(incremental);
      // The settings show on every page, so that step may restore nothing; every other step must reuse pages.
      if (!names.includes('change-settings')) expect(reusedPages(result).length).toBeGreaterThan(0);
      await expectSameAsClean();
    });
  }

  it('re-renders no article page for a posted alert, and still equals a clean build', async () => {
    scenario('post-alert').apply(contentDir, new Date(NOW));
    const result = await build(incremental);
    const articles = htmlPages(incremental, 'articles');
    expect(articles.length).toBeGreaterThan(0);
    expect(reusedPages(result, incremental, 'articles')).toEqual(articles);
    await expectSameAsClean();
    expect(fs.readFileSync(path.join(incremental, 'alerts.json'), 'utf8')).toContain('Flood barrier closed');
  });

  it('discards a cache that a killed build left behind, and says so', async () => {
    const stateFile = path.join(`${incremental}.cache`, CACHE.state);
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { complete: boolean };
    fs.writeFileSync(stateFile, JSON.stringify({ ...state, complete: false }));
    // A page cached under its current key but holding other bytes: only a discarded cache keeps it out.
    const cachedArticles = path.join(`${incremental}.cache`, CACHE.astro.pages, 'articles');
    const cachedPage = fs.readdirSync(cachedArticles)[0]!;
    fs.writeFileSync(path.join(cachedArticles, cachedPage, 'index.html'), 'half-written');
    const result = await build(incremental);
    expect(result.output).toContain('Build cache discarded: the last build did not finish.');
    expect(reusedPages(result)).toEqual([]);
    await expectSameAsClean();
  });

  it('reuses everything when nothing changed', async () => {
    for (const name of ['change-headline', 'delete-article']) scenario(name).apply(contentDir, new Date(NOW));
    await build(incremental);
    const result = await build(incremental);
    expect(result.output).not.toContain('Build cache discarded');
    expect(result.output).toContain('CMS bundle unchanged');
    expect(result.output).not.toContain(NOT_APPLIED);
    expect(reusedPages(result).length).toBeGreaterThan(40);
    expect(reusedPages(result, incremental, 'articles')).toEqual(htmlPages(incremental, 'articles'));
    // Every image size is the image cache's own file, linked in (`restore-pages.ts`), not a copy of it.
    const variants = fs.readdirSync(path.join(incremental, '_astro')).filter((file) => file.endsWith('.webp'));
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.filter((file) => fs.statSync(path.join(incremental, '_astro', file)).nlink < 2)).toEqual([]);
    const cards = fs.readdirSync(path.join(incremental, 'og'));
    expect(result.output).toContain(`${cards.length} OG cards: 0 drawn, ${cards.length} reused`);
    // After headline changes and a deletion, the card cache holds the site's cards and no others.
    const cachedCards = fs.readdirSync(path.join(`${incremental}.cache`, CACHE.og)).filter((file) => file.endsWith('.jpg'));
    expect(cachedCards).toHaveLength(cards.length);
  });
});

describe('an incremental build, for a headline that a page shows only in its previous/next links', () => {
  // Large enough that some article's neighbour in its topic is not among its related stories.
  const links = corpusAt('incremental-links');

  beforeAll(async () => {
    fs.rmSync(links.work, { recursive: true, force: true });
    await generateCorpus({ dir: links.contentDir, articles: 48, imagesEvery: 0, seed: 5, now: new Date(NOW) });
    await build(links.incremental, links);
  });

  it('re-renders that page, and equals a clean build', async () => {
    const pair = neighbourNotRelated(links.incremental);
    expect(pair, 'no article page links a neighbour it does not also list as related: grow the corpus').toBeDefined();
    const file = path.join(findArticleFolder(links.contentDir, pair!.neighbour), 'index.md');
    const headline = 'Ferry timetable restored after the strike';
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${headline}"`));
    await build(links.incremental, links);
    const page = fs.readFileSync(path.join(links.incremental, 'articles', pair!.page, 'index.html'), 'utf8');
    expect(PREV_NEXT.exec(page)?.[0]).toContain(headline);
    await expectSameAsClean(links);
  });
});

describe('an incremental build, for a translation', () => {
  const translated = corpusAt('incremental-translation');
  const articlePage = (slug: string) => fs.readFileSync(path.join(translated.incremental, 'articles', slug, 'index.html'), 'utf8');

  beforeAll(async () => {
    fs.rmSync(translated.work, { recursive: true, force: true });
    await generateCorpus({ dir: translated.contentDir, articles: 12, imagesEvery: 6, seed: 7, now: new Date(NOW) });
    scenario('add-language').apply(translated.contentDir, new Date(NOW));
    await build(translated.incremental, translated);
  });

  it('re-renders the original to link the new translation, and when the translation is retitled, and equals a clean build', async () => {
    const slug = scenario('translate-article').apply(translated.contentDir, new Date(NOW));
    const original = slug.replace(/-de$/, '');
    const result = await build(translated.incremental, translated);
    expect(reusedPages(result, translated.incremental).length).toBeGreaterThan(0);
    expect(articlePage(original)).toContain(`<a href="/articles/${slug}/" hreflang="de-DE"`);
    expect(articlePage(slug)).toContain('<html lang="de-DE"');
    await expectSameAsClean(translated);

    const file = path.join(findArticleFolder(translated.contentDir, slug), 'index.md');
    const headline = 'Die Fähre fährt wieder nach Fahrplan';
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${headline}"`));
    await build(translated.incremental, translated);
    expect(articlePage(original)).toContain(headline);
    await expectSameAsClean(translated);
  });
});
