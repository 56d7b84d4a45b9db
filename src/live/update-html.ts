/**
 * An update's HTML for `updates.json`: the page's own `LiveUpdate` component
 * rendered to a string, so a new update shown by the browser looks exactly
 * like one the page was built with.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { Update } from '../content.ts';
import LiveUpdate from '../components/live/LiveUpdate.astro';

let container: Promise<AstroContainer> | undefined;

export async function updateHtml(update: Update): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return (await container).renderToString(LiveUpdate, { props: { update } });
}
