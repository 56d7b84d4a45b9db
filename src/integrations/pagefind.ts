/**
 * Builds the Pagefind search index at the end of `astro build`, from the
 * article pages only, one index per year of publication or run of its
 * months (see `src/lib/search-shards.ts`), and one set of them for each of
 * the publication's languages: Pagefind's own choice of index by the page's
 * language falls back to the largest, which would answer a German search
 * with English pages wherever a shard has no German ones. A shard whose pages' indexed parts
 * are byte for byte those of a shard indexed before is copied from the cache,
 * so a publish re-indexes the shards it touched and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex } from 'pagefind';
import { indexedPart, pageDigest, searchPlace, shardKey, shardOrder, shardsOfYear, type SearchPlace, type ShardPage } from '../lib/search-shards.ts';
import { prefixOf } from '../i18n/publication-paths.ts';
import { push } from '../lib/grouping.ts';
import type { ArticleFiling } from '../content/validate.ts';
import { paths } from '../lib/paths.ts';
import { searchManifest, type ShardEntry } from '../lib/search-manifest.ts';
import { site as siteConfig } from '../site.config.ts';
import { linkOrCopy } from '../lib/link-file.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { CACHE } from './cache-layout.ts';

/** Only article pages are searchable: indexing the rest of the site would cost time and add noise. */
const ARTICLE_PAGES = 'articles/**/index.html';
/**
 * Inside an article's `data-pagefind-body`, anything hidden from assistive
 * technology (such as avatar initials) would only add noise to excerpts.
 */
const INDEX_OPTIONS = { excludeSelectors: ['[aria-hidden="true"]'] };
/** Pagefind's ready-made interfaces: the site has its own search page. */
const UNUSED = /^pagefind-(component-|modular-)?ui\.(js|css)$/;
/** Pagefind's own scripts have a fixed size; the index data grows with the articles. */
const INDEX_DATA = /^(fragment|index|filter)\/|\.pf_meta$/;

function folderSize(dir: string): { bytes: number; indexBytes: number; files: number } {
  let bytes = 0;
  let indexBytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const size = fs.statSync(file).size;
    bytes += size;
    if (INDEX_DATA.test(path.relative(dir, file).split(path.sep).slice(-2).join('/'))) indexBytes += size;
    files += 1;
  }
  return { bytes, indexBytes, files };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * What the last build read of each article page. A page whose file has the
 * same size and modification time, to the nanosecond, is not read again: at
 * 10,000 articles, reading them all took a second of every publish. A page
 * Astro renders afresh is written, so its time changes. The inode is left
 * out: a CI run restores the cache as new files, and a restore that keeps
 * file times (`cp -a`, GNU tar's POSIX format) keeps the records good; one
 * that does not only makes the pages read again.
 */
export interface PageRecord {
  stamp: string;
  digest: string;
}

/** Kept beside the cached shards. */
const PAGE_RECORDS = 'pages.json';

function stampOf(file: string): string {
  const stat = fs.statSync(file, { bigint: true });
  return `${stat.size}:${stat.mtimeNs}`;
}

export function readPageRecords(file: string): Map<string, PageRecord> {
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, PageRecord>));
  } catch {
    return new Map();
  }
}

/** What the search index reads of one page: the digest of its indexed part. */
function readPage(site: string, file: string, stamp: string): PageRecord {
  return { stamp, digest: pageDigest(indexedPart(fs.readFileSync(path.join(site, file), 'utf8'))) };
}

/** Where the index files an article: its shard's place, and the language whose index holds it. */
export interface FiledPlace extends SearchPlace {
  language: string;
}

/**
 * Every article page, grouped by language and then by shard, with the
 * digest of what Pagefind reads of it; and the record of each for the next
 * build. `places` says where each article (by slug) is filed.
 */
export function articlePagesByShard(
  site: string,
  previous: ReadonlyMap<string, PageRecord>,
  limit: number,
  places: ReadonlyMap<string, FiledPlace>,
): { shards: Map<string, Map<string, ShardPage[]>>; records: Map<string, PageRecord>; days: Map<string, string> } {
  const records = new Map<string, PageRecord>();
  const days = new Map<string, string>();
  const byYear = new Map<string, Map<string, { file: string; day: string }[]>>();
  const articles = path.join(site, 'articles');
  if (fs.existsSync(articles)) {
    for (const slug of fs.readdirSync(articles).sort()) {
      const file = `articles/${slug}/index.html`;
      const full = path.join(site, file);
      if (!fs.existsSync(full)) continue;
      const place = places.get(slug);
      if (!place) throw new Error(`${file} is not an article the content check read: the search index cannot file it`);
      const stamp = stampOf(full);
      const known = previous.get(file);
      records.set(file, known?.stamp === stamp ? { stamp, digest: known.digest } : readPage(site, file, stamp));
      days.set(file, place.day);
      const years = byYear.get(place.language) ?? new Map<string, { file: string; day: string }[]>();
      push(years, place.year, { file, day: place.day });
      byYear.set(place.language, years);
    }
  }
  const shards = new Map<string, Map<string, ShardPage[]>>();
  for (const [language, years] of byYear) {
    const named = new Map<string, ShardPage[]>();
    const newestYear = [...years.keys()].sort().at(-1);
    for (const [year, pages] of years) {
      const names = shardsOfYear(year, pages.map(({ day }) => day), limit, year === newestYear);
      pages.forEach(({ file }, index) => {
        const name = names[index]!;
        push(named, name, { file, digest: records.get(file)!.digest });
      });
    }
    shards.set(language, named);
  }
  return { shards, records, days };
}

/** Indexes one shard's pages into `outputPath`, through a folder of hard links so Pagefind reads them in parallel. */
async function indexShard(site: string, pages: ShardPage[], staging: string, outputPath: string): Promise<void> {
  fs.rmSync(staging, { recursive: true, force: true });
  for (const { file } of pages) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.linkSync(path.join(site, file), path.join(staging, file));
  }
  const { index, errors } = await createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: staging, glob: ARTICLE_PAGES });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the articles: ${added.errors.join('; ')}`);
  if (added.page_count !== pages.length) throw new Error(`Pagefind indexed ${added.page_count} of ${pages.length} pages`);
  // Pagefind has read the pages: the links go while it writes the index.
  const [written] = await Promise.all([index.writeFiles({ outputPath }), fs.promises.rm(staging, { recursive: true, force: true })]);
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const name of fs.readdirSync(outputPath)) {
    if (UNUSED.test(name)) fs.rmSync(path.join(outputPath, name));
  }
}

/** Puts a cached shard into the output as hard links (see `linkOrCopy`): thousands of small files per year. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}

/** Indexes the article pages in `site` into each language's search bundle, re-indexing only the shards whose pages changed. */
async function buildSearchIndex(site: string, cacheDir: string, articleFilings: ReadonlyMap<string, ArticleFiling>, logger: AstroIntegrationLogger): Promise<void> {
  const limit = siteConfig.searchShardPages;
  const started = performance.now();
  const recordsFile = path.join(cacheDir, PAGE_RECORDS);
  const places = new Map([...articleFilings].map(([slug, filing]): [string, FiledPlace] => [slug, { ...searchPlace(filing.published, siteConfig), language: filing.language }]));
  const { shards: byLanguage, records, days } = articlePagesByShard(site, readPageRecords(recordsFile), limit, places);
  fs.mkdirSync(cacheDir, { recursive: true });
  const keep = new Set<string>([PAGE_RECORDS]);
  let reindexed = 0;
  let indexes = 0;
  let articles = 0;
  let highlighted = false;
  const sizes = { bytes: 0, indexBytes: 0, files: 0 };
  try {
    for (const language of siteConfig.locales) {
      const prefix = prefixOf(language);
      const shards = byLanguage.get(language) ?? new Map<string, ShardPage[]>();
      const order = shardOrder(shards.keys());
      for (const name of order) {
        const pages = shards.get(name)!;
        // Pagefind stems by the pages' language, which their indexed part does not show: a new language is a new shard.
        const key = shardKey(name, pages, { ...INDEX_OPTIONS, language });
        const cached = path.join(cacheDir, key);
        if (!fs.existsSync(cached)) {
          // Written under a temporary name: a killed build never leaves half a shard under a real key.
          const partial = `${cached}.partial`;
          fs.rmSync(partial, { recursive: true, force: true });
          await indexShard(site, pages, path.join(cacheDir, `${key}.staging`), partial);
          fs.renameSync(partial, cached);
          reindexed++;
        }
        keep.add(key);
        linkTree(cached, path.join(site, paths.searchShard(name, prefix)));
      }
      const bundle = path.join(site, paths.searchIndex(prefix));
      fs.mkdirSync(bundle, { recursive: true });
      const entries = order.map((name): ShardEntry => {
        const pages = shards.get(name)!;
        const from = pages.map(({ file }) => days.get(file)!).reduce((a, b) => (a < b ? a : b));
        return { name, pages: pages.length, from };
      });
      fs.writeFileSync(path.join(site, paths.searchShards(prefix)), `${JSON.stringify(searchManifest(entries, siteConfig.searchFirstPages))}\n`);
      // One copy of the highlighter at a fixed address, whichever shard is newest.
      const highlighter = path.join(site, paths.searchHighlighter());
      if (order[0] && !highlighted) fs.copyFileSync(path.join(site, paths.searchShard(order[0], prefix), path.basename(highlighter)), highlighter);
      highlighted ||= order.length > 0;
      const size = folderSize(bundle);
      sizes.bytes += size.bytes;
      sizes.indexBytes += size.indexBytes;
      sizes.files += size.files;
      indexes += order.length;
      articles += entries.reduce((sum, entry) => sum + entry.pages, 0);
    }
  } finally {
    await close();
  }
  for (const name of fs.readdirSync(cacheDir)) {
    if (!keep.has(name)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
  writeFileAtomic(recordsFile, JSON.stringify(Object.fromEntries(records)));

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  logger.info(
    `Search index: ${articles} articles in ${indexes} indexes by date (${reindexed} re-indexed) in ${seconds} s; ${formatBytes(sizes.indexBytes)} of index data, ${formatBytes(sizes.bytes)} in ${sizes.files} files with Pagefind's scripts`,
  );
}

/**
 * Two integrations: `start` begins indexing once Astro has written the pages
 * and the last build's leftovers are gone (so it must follow
 * `restore-pages`); Pagefind then works in its own process while the hooks
 * between the two run (sitemaps, cards, headers), and `finish` waits for it
 * (so it must come before the cache guard records a finished build).
 * `articleFilings`: the content check's dates of each article, which file it.
 */
export function pagefindIntegrations(articleFilings: () => ReadonlyMap<string, ArticleFiling>): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir = '';
  let indexing: Promise<void> | undefined;
  return {
    start: {
      name: 'broadsheet:pagefind',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = path.join(fileURLToPath(config.cacheDir), CACHE.search);
        },
        'astro:build:done': ({ dir, logger }) => {
          indexing = buildSearchIndex(fileURLToPath(dir), cacheDir, articleFilings(), logger);
          // Reported by `finish`, which awaits it; this only keeps a failure from counting as unhandled meanwhile.
          indexing.catch(() => undefined);
        },
      },
    },
    finish: {
      name: 'broadsheet:pagefind-finish',
      hooks: {
        'astro:build:done': async () => {
          if (!indexing) throw new Error('The search index was never started: broadsheet:pagefind must come before broadsheet:pagefind-finish');
          await indexing;
        },
      },
    },
  };
}
