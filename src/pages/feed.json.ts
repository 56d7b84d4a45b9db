import type { APIRoute } from 'astro';
import { getNewsroom } from '../content.ts';
import { jsonFeedResponse } from '../feeds/json-feed.ts';

export const GET: APIRoute = async () => {
  const { settings, articles } = await getNewsroom();
  return jsonFeedResponse({ settings, articles });
};
