/**
 * `/alerts.json`: the site-wide alerts, which every page fetches. Posting or
 * clearing an alert re-renders this file alone; no page carries the alert.
 */
import type { APIRoute } from 'astro';
import { getNewsroom } from '../content.ts';

export const GET: APIRoute = async () => {
  const { alerts } = await getNewsroom();
  return new Response(JSON.stringify({ alerts }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
