/**
 * `sitemap-index.xml` for every public page, with each article's last change
 * as `lastmod`, in one file per month of articles (`src/lib/sitemap-xml.ts`). Written here rather than by `@astrojs/sitemap`, which sorted
 * 15,000 URLs with a locale-aware comparison and streamed them item by item:
 * 0.6 s of each publish at 10,000 articles, against a few milliseconds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/paths.ts';
import { articlesGroup, PAGES_GROUP, sitemapFiles } from '../lib/sitemap-xml.ts';
import { yearMonth } from '../lib/dates.ts';
import { site } from '../site.config.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import type { ArticleFiling } from '../content/validate.ts';
import { localized } from '../i18n/publication-paths.ts';
import { inLanguageOrder, translationsOf } from '../lib/translations.ts';

/** Pages that are not for search engines, a further language's search page (`/de/search/`) among them. */
const UNLISTED = /^\/(?:[a-z]{2,3}\/)?(admin|search|404)(\/|\.html|$)/;

/**
 * Each page that exists in more than one language, with its versions: the
 * languages' front pages, and each article with its translations.
 */
function alternatesByPath(filings: ReadonlyMap<string, ArticleFiling>, siteUrl: string): Map<string, { hreflang: string; href: string }[]> {
  const link = (language: string, pathname: string) => ({ hreflang: language, href: new URL(pathname, siteUrl).href });
  const byPath = new Map<string, { hreflang: string; href: string }[]>();
  if (site.locales.length > 1) {
    const homes = site.locales.map((tag) => link(tag, localized(paths.home(), tag)));
    for (const tag of site.locales) byPath.set(localized(paths.home(), tag), homes);
  }
  const articles = [...filings].map(([slug, { language, translationOf }]) => ({ id: slug, language, data: { translationOf: translationOf === undefined ? undefined : { id: translationOf } } }));
  const translations = translationsOf(articles, site.locales);
  for (const article of articles) {
    const others = translations.get(article.id);
    if (others) byPath.set(paths.article(article.id), inLanguageOrder([article, ...others], site.locales).map((version) => link(version.language, paths.article(version.id))));
  }
  return byPath;
}

/** `articleFilings`: the content check's dates and language of each article, by slug. */
export function sitemapIntegration(articleFilings: () => ReadonlyMap<string, ArticleFiling>): AstroIntegration {
  let siteUrl = '';
  return {
    name: 'broadsheet:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` in the Astro config');
        siteUrl = new URL(config.base, config.site).href;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = performance.now();
        const filings = articleFilings();
        const byPath = new Map([...filings].map(([slug, dates]) => [paths.article(slug), dates]));
        const alternates = alternatesByPath(filings, siteUrl);
        const urls = pages
          .map(({ pathname }) => new URL(pathname, siteUrl))
          .filter((url) => !UNLISTED.test(url.pathname))
          .map((url) => {
            const dates = byPath.get(url.pathname);
            const published = dates && yearMonth(dates.published, site);
            const group = published ? articlesGroup(published.year, published.month) : PAGES_GROUP;
            return { loc: url.href, lastmod: dates?.lastModified, alternates: alternates.get(url.pathname), group };
          });
        const outDir = fileURLToPath(dir);
        for (const [name, xml] of sitemapFiles(siteUrl, urls)) writeFileAtomic(path.join(outDir, name), xml);
        logger.info(`${urls.length} pages in the sitemap, in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
