/**
 * The one typed technical configuration of the site. Editorial settings
 * (name, tagline, navigation, social links) live in `content/settings.yml`
 * so editors can change them in the CMS; what lives here needs a developer.
 */
import path from 'node:path';
import { readPublicationLanguage, type PublicationLanguages } from './i18n/publication.ts';
import { pageLanguage } from './i18n/page-language.ts';
import { DEFAULT_DECAP_PORT } from './lib/local-servers.ts';

export interface SiteConfig {
  /** Absolute production URL, no trailing slash. Feeds, canonicals and sitemaps use it. */
  url: string;
  /**
   * BCP 47 tag of the language being written: the page's, while a page is
   * rendered (`src/i18n/page-language.ts`), the publication's first language
   * (`language` in `settings.yml`) otherwise. Every word, date, number and
   * plural follows it.
   */
  readonly locale: string;
  /** The publication's first language, whose pages are at the root. */
  readonly defaultLocale: string;
  /** Every language the publication publishes in: the first, then `otherLanguages` of `settings.yml`. */
  readonly locales: readonly string[];
  /** IANA time zone in which dates are shown to readers and articles filed by day (`timeZone` in `settings.yml`). */
  readonly timeZone: string;
  /** Folder holding `articles/`, `authors/`, `topics/` and `settings.yml`. */
  contentDir: string;
  /** Articles per archived page of topic, author and tag listings; their front pages hold up to twice as many. */
  pageSize: number;
  /** The organisation that publishes, for structured data and feeds. */
  publisher: { name: string; logo: string };
  /**
   * The moment the build treats as "now": decides which scheduled articles are
   * out. Fixed through BROADSHEET_NOW for reproducible tests.
   */
  now: Date;
  /** Show drafts and scheduled articles (the dev server does, production never). */
  showUnpublished: boolean;
  /**
   * Where builds keep what the next build reuses: Astro's content store,
   * optimised images and incremental page cache, the OG cards and the search
   * index shards. Restore this folder between CI builds for the fast path.
   */
  cacheDir: string;
  /** Port of decap-server, the CMS's local backend (`scripts/dev.mjs` starts it). */
  decapPort: string;
  /**
   * The most articles one search index shard holds before its year is split
   * into runs of months (see `src/lib/search-shards.ts`): fewer makes a
   * publish re-index less, more makes the browser merge fewer indexes (at
   * 10,000 articles, 15 shards of up to 1,000 searched as fast as 6 yearly
   * ones; 21 of up to 600 were a fifth slower to the first results).
   */
  searchShardPages: number;
  /**
   * How many of the newest articles a reader's first search covers before
   * they ask for older ones (see `src/lib/search-manifest.ts`): whole shards,
   * newest first, as many as fit, and always the newest. At 1,000 articles,
   * 370 of them made a first query of 187 KB, shown 0.4 s after the page;
   * all 1,000 made 323 KB and 0.6 s.
   */
  searchFirstPages: number;
  /**
   * The most articles a month's archive page lists one by one. A fuller month
   * lists its days instead, each with a page of its own: a line of the list
   * weighs about 250 bytes, so 250 lines keep a page near 70 KB of HTML, under
   * the 100 KB a listing should weigh (at 100,000 articles, a month holds 1,700).
   */
  archiveMonthArticles: number;
}

const env = process.env;

function resolveCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${name} must be a whole number above 0, got "${value}"`);
  return count;
}

/** Sets the build's "now" (`SiteConfig.now`). */
export const NOW_VARIABLE = 'BROADSHEET_NOW';

function resolveNow(value: string | undefined): Date {
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`BROADSHEET_NOW is not a valid date: "${value}"`);
  }
  return date;
}

const contentDir = path.resolve(env['BROADSHEET_CONTENT_DIR'] ?? 'content');
let language: PublicationLanguages | undefined;
/** Read on first use, so loading the configuration reads no file. */
const publicationLanguage = () => (language ??= readPublicationLanguage(contentDir));

export const site: SiteConfig = {
  url: (env['SITE_URL'] ?? 'https://broadsheet.example').replace(/\/+$/, ''),
  get locale() {
    return pageLanguage() ?? publicationLanguage().locale;
  },
  get defaultLocale() {
    return publicationLanguage().locale;
  },
  get locales() {
    const { locale, others } = publicationLanguage();
    return [locale, ...others];
  },
  get timeZone() {
    return publicationLanguage().timeZone;
  },
  contentDir,
  pageSize: resolveCount('BROADSHEET_PAGE_SIZE', env['BROADSHEET_PAGE_SIZE'], 10),
  publisher: { name: 'Broadsheet', logo: '/logo.png' },
  now: resolveNow(env[NOW_VARIABLE]),
  showUnpublished: env['BROADSHEET_SHOW_UNPUBLISHED'] === '1',
  cacheDir: path.resolve(env['BROADSHEET_CACHE_DIR'] ?? 'node_modules/.astro'),
  decapPort: env['DECAP_SERVER_PORT'] ?? DEFAULT_DECAP_PORT,
  searchShardPages: resolveCount('BROADSHEET_SEARCH_SHARD_PAGES', env['BROADSHEET_SEARCH_SHARD_PAGES'], 1000),
  searchFirstPages: resolveCount('BROADSHEET_SEARCH_FIRST_PAGES', env['BROADSHEET_SEARCH_FIRST_PAGES'], 400),
  archiveMonthArticles: resolveCount('BROADSHEET_ARCHIVE_MONTH_ARTICLES', env['BROADSHEET_ARCHIVE_MONTH_ARTICLES'], 250),
};
