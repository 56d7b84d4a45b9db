/**
 * `/articles/<slug>/updates.json` for each live story (running or ended):
 * the newest updates, which open pages poll every 30 seconds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Article } from '../../../content.ts';
import { FEED_UPDATES, newestFirst, type UpdatesFeed } from '../../../lib/live.ts';
import { updateHtml } from '../../../live/update-html.ts';
import { cacheKey } from '../../../lib/cache-key.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const { articles } = await getNewsroom();
  return articles
    .filter((article) => article.data.live)
    // The updates' words and times follow the story's language and the publication's time zone.
    .map((article) => ({ params: { slug: article.id }, props: { article }, cacheKey: cacheKey(article.key, article.language, site.timeZone) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props: { article } }) => {
  const newest = [...article.updates].sort(newestFirst).slice(0, FEED_UPDATES);
  const feed: UpdatesFeed = {
    status: article.data.live!.status,
    updates: await Promise.all(newest.map(async (update) => ({ id: update.id, time: update.time.toISOString(), html: await updateHtml(update) }))),
  };
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
