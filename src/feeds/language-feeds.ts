/** The feeds of one language's front page, `/rss.xml` and `/feed.json` for the first language, `/de/rss.xml` for German. */
import type { APIRoute } from 'astro';
import { getNewsroom } from '../content.ts';
import { localized } from '../i18n/publication-paths.ts';
import { paths } from '../lib/paths.ts';
import { site } from '../site.config.ts';
import { jsonFeedResponse } from './json-feed.ts';
import { rssResponse } from './rss.ts';

export const languageRss: APIRoute = async () => {
  const { settings, byLanguage } = await getNewsroom();
  const articles = byLanguage.get(site.locale) ?? [];
  return rssResponse({ settings, title: settings.name, description: settings.description, self: localized(paths.rss()), articles });
};

export const languageJsonFeed: APIRoute = async () => {
  const { settings, byLanguage } = await getNewsroom();
  return jsonFeedResponse({ settings, articles: byLanguage.get(site.locale) ?? [] });
};
