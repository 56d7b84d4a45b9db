import rss from '@astrojs/rss';
import type { Article, Settings } from '../content.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { escapeXml, textAsHtml } from '../lib/xml.ts';
import { cacheKey } from '../lib/cache-key.ts';
import { site } from '../site.config.ts';
import { articleHtml } from './article-html.ts';
import { feedTitle, formatLabel } from '../lib/formats.ts';
import { localized } from '../i18n/publication-paths.ts';
import { t } from '../i18n/site-words.ts';
import { isoInZone, rfc822InZone } from '../lib/dates.ts';

/** Articles per site-wide feed: enough for a reader who checks weekly. */
export const FEED_SIZE = 50;
/**
 * Articles per topic, author or series feed. Each carries whole articles, so
 * one publish rewrites every feed the article joins: fewer items keep what a
 * deploy sends small (a 50-item feed weighs about 430 KB).
 */
export const SECTION_FEED_SIZE = 20;

/** The newest articles of a topic, author or series, as its feed carries them. */
export function sectionFeed(newestFirst: readonly Article[]): Article[] {
  return newestFirst.slice(0, SECTION_FEED_SIZE);
}

/** An item's categories in either feed: its format label (none for news), topics, then tags. */
export function itemCategories(article: Article): string[] {
  const label = formatLabel(article.data.format, t);
  return [...(label ? [label] : []), ...article.topics.map((topic) => topic.data.name), ...article.tags];
}

/** The incremental-build key of a feed: the articles it carries, whole, and what names it. */
export function feedKey(settings: Settings, articles: readonly Article[], ...parts: unknown[]): string {
  return cacheKey(settings, articles.slice(0, FEED_SIZE).map((article) => article.key), ...parts);
}

interface FeedOptions {
  settings: Settings;
  title: string;
  description: string;
  /** Site-relative path of the feed itself. */
  self: string;
  articles: Article[];
}

/**
 * An RSS 2.0 feed with full article HTML in content:encoded. Titles, names and
 * categories are plain text by the spec and XML-escaped once; descriptions are
 * HTML to readers, so plain text is escaped as HTML first.
 */
export async function rssResponse({ settings, title, description, self, articles }: FeedOptions): Promise<Response> {
  const newest = articles.slice(0, FEED_SIZE);
  const items = await Promise.all(
    newest.map(async (article) => ({
      title: feedTitle(article.data.title, article.data.format, t),
      link: absoluteUrl(site.url, paths.article(article.id)),
      description: textAsHtml(article.data.description),
      content: await articleHtml(article),
      categories: itemCategories(article),
      // Written here rather than as `pubDate`, which would be in GMT: a reader sees the publication's own clock.
      customData: [
        `<pubDate>${rfc822InZone(article.publishedAt, site.timeZone)}</pubDate>`,
        ...article.authors.map((author) => `<dc:creator>${escapeXml(author.data.name)}</dc:creator>`),
        article.revisedAt ? `<atom:updated>${isoInZone(article.revisedAt, site.timeZone)}</atom:updated>` : '',
      ].join(''),
    })),
  );
  return rss({
    title,
    description: textAsHtml(description),
    site: absoluteUrl(site.url, localized(paths.home())),
    items,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(site.locale.toLowerCase())}</language>`,
      `<atom:link href="${escapeXml(absoluteUrl(site.url, self))}" rel="self" type="application/rss+xml"/>`,
      `<copyright>${escapeXml(t('feeds.copyright', { name: settings.name }))}</copyright>`,
    ].join(''),
    trailingSlash: true,
  });
}
