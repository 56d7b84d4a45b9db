import { getImage } from 'astro:assets';
import { feedTitle } from '../lib/formats.ts';
import type { Article, Settings } from '../content.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { SHARE_IMAGE_WIDTH } from '../lib/images.ts';
import { site } from '../site.config.ts';
import { articleHtml } from './article-html.ts';
import { FEED_SIZE, itemCategories } from './rss.ts';
import { t } from '../i18n/site-words.ts';
import { isoInZone } from '../lib/dates.ts';
import { localized } from '../i18n/publication-paths.ts';

interface JsonFeedOptions {
  settings: Settings;
  articles: Article[];
}

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with full article HTML.
 * `content_html` is HTML; title, summary and names are plain text by the spec,
 * and JSON carries them as they are.
 */
export async function jsonFeedResponse({ settings, articles }: JsonFeedOptions): Promise<Response> {
  const items = await Promise.all(
    articles.slice(0, FEED_SIZE).map(async (article) => {
      const url = absoluteUrl(site.url, paths.article(article.id));
      const image = article.data.image
        ? absoluteUrl(site.url, (await getImage({ src: article.data.image.src, width: SHARE_IMAGE_WIDTH, format: 'webp' })).src)
        : undefined;
      return {
        id: url,
        url,
        title: feedTitle(article.data.title, article.data.format, t),
        summary: article.data.description,
        content_html: await articleHtml(article),
        ...(image && { image }),
        date_published: isoInZone(article.publishedAt, site.timeZone),
        ...(article.revisedAt && { date_modified: isoInZone(article.revisedAt, site.timeZone) }),
        authors: article.authors.map((author) => ({ name: author.data.name, url: absoluteUrl(site.url, paths.author(author.id)) })),
        tags: itemCategories(article),
        language: article.language,
      };
    }),
  );
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.name,
    home_page_url: absoluteUrl(site.url, localized(paths.home())),
    feed_url: absoluteUrl(site.url, localized(paths.jsonFeed())),
    description: settings.description,
    language: site.locale,
    icon: absoluteUrl(site.url, site.publisher.logo),
    favicon: absoluteUrl(site.url, '/favicon.svg'),
    items,
  };
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}
