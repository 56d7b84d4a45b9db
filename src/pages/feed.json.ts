import type { APIRoute } from 'astro';
import { getImage } from 'astro:assets';
import { getNewsroom } from '../content.ts';
import { articleHtml } from '../feeds/article-html.ts';
import { FEED_SIZE } from '../feeds/rss.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { site } from '../site.config.ts';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with full article HTML. */
export const GET: APIRoute = async () => {
  const { settings, articles } = await getNewsroom();
  const items = await Promise.all(
    articles.slice(0, FEED_SIZE).map(async (article) => {
      const url = absoluteUrl(site.url, paths.article(article.id));
      const image = article.data.image
        ? absoluteUrl(site.url, (await getImage({ src: article.data.image.src, width: 1200, format: 'webp' })).src)
        : undefined;
      return {
        id: url,
        url,
        title: article.data.title,
        summary: article.data.description,
        content_html: await articleHtml(article),
        ...(image && { image }),
        date_published: article.publishedAt.toISOString(),
        ...(article.updatedAt && { date_modified: article.updatedAt.toISOString() }),
        authors: article.authors.map((author) => ({ name: author.data.name, url: absoluteUrl(site.url, paths.author(author.id)) })),
        tags: [...article.topics.map((topic) => topic.data.name), ...article.tags],
        language: site.locale,
      };
    }),
  );
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: settings.name,
    home_page_url: absoluteUrl(site.url, '/'),
    feed_url: absoluteUrl(site.url, paths.jsonFeed()),
    description: settings.description,
    language: site.locale,
    icon: absoluteUrl(site.url, site.publisher.logo),
    favicon: absoluteUrl(site.url, '/favicon.svg'),
    items,
  };
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
};
