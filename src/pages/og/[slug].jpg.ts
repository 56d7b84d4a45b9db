/**
 * Open Graph cards in the dev server, drawn on request. A build draws them
 * beside the pages, from the content check's list (`src/og/cards.ts`,
 * `src/integrations/og-cards.ts`), so here it gives Astro no pages to walk.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Article, type Settings } from '../../content.ts';
import { isDevServer } from '../../lib/dev-server.ts';
import { renderOgCard, type OgCard } from '../../og/render.ts';
import { cardByline, cardDirection } from '../../og/cards.ts';

/** Astro's image metadata knows the source file; the card draws the hero from it. */
function heroFile(article: Article): string | undefined {
  return (article.data.image?.src as { fsPath?: string } | undefined)?.fsPath;
}

function cardOf(article: Article, settings: Settings): OgCard {
  return {
    title: article.data.title,
    topic: article.primaryTopic.data.name,
    byline: cardByline(article.authors.map((author) => author.data.name)),
    siteName: settings.name,
    ...cardDirection(),
    heroFile: heroFile(article),
  };
}

export const getStaticPaths = (async () => {
  if (!isDevServer) return [];
  const { articles, settings } = await getNewsroom();
  return articles.map((article) => ({ params: { slug: article.id }, props: { card: cardOf(article, settings) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
  new Response(new Uint8Array(await renderOgCard(props.card)), { headers: { 'content-type': 'image/jpeg' } });
