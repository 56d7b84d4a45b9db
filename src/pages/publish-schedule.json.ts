/**
 * `/publish-schedule.json`: `{ "next": ISO time }`, the first moment at which a
 * build would change the site by the clock alone (a scheduled article going
 * out, an age notice, the news sitemap's window, an alert's expiry). A
 * scheduled run reads it from the live site and builds only once that moment
 * has come (`scripts/publish-due.mjs`). It names a time, never an article.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getNewsroom, optionalCollection } from '../content.ts';
import { nextDue } from '../lib/next-due.ts';
import { site } from '../site.config.ts';
import { NEWS_WINDOW_MS } from '../lib/news-window.ts';

export const GET: APIRoute = async () => {
  const [{ settings }, articles, alertEntries] = await Promise.all([getNewsroom(), getCollection('articles'), optionalCollection('alerts')]);
  const next = nextDue(
    {
      articles: articles.map(({ data }) => ({ publishedAt: data.publishedAt, draft: data.draft })),
      ageNoticeYears: settings.ageNoticeYears,
      alerts: alertEntries[0]?.data.alerts ?? [],
      newsWindowMs: NEWS_WINDOW_MS,
    },
    site.now,
  );
  return new Response(JSON.stringify({ next: next.toISOString() }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
