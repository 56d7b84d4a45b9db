import type { APIRoute } from 'astro';
import { getNewsroom } from '../content.ts';
import { rssResponse } from '../feeds/rss.ts';
import { paths } from '../lib/paths.ts';

export const GET: APIRoute = async () => {
  const { settings, articles } = await getNewsroom();
  return rssResponse({ settings, title: settings.name, description: settings.description, self: paths.rss(), articles });
};
