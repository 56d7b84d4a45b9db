/**
 * An update's HTML for `updates.json`: the page's own `LiveUpdate` component
 * rendered to a string, so a new update shown by the browser looks exactly
 * like one the page was built with.
 */
import { astroContainer } from '../render/container.ts';
import type { Update } from '../content.ts';
import LiveUpdate from '../components/live/LiveUpdate.astro';

export async function updateHtml(update: Update): Promise<string> {
  return (await astroContainer()).renderToString(LiveUpdate, { props: { update } });
}
