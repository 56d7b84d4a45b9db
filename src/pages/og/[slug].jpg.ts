/**
 * Open Graph cards. A build draws them after the pages
 * (`src/integrations/og-cards.ts`): this route only hands over the list, and
 * gives Astro no pages to walk. The dev server draws each card on request.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Article, type Settings } from '../../content.ts';
import { isDevServer } from '../../lib/dev-server.ts';
import { paths } from '../../lib/paths.ts';
import { writePlan } from '../../og/plan.ts';
import { renderOgCard, type OgCard } from '../../og/render.ts';
import { site } from '../../site.config.ts';

/** Astro's image metadata knows the source file; the card draws the hero from it. */
function heroFile(article: Article): string | undefined {
  return (article.data.image?.src as { fsPath?: string } | undefined)?.fsPath;
}

function cardOf(article: Article, settings: Settings): OgCard {
  return {
    title: article.data.title,
    topic: article.primaryTopic.data.name,
    authors: article.authors.map((author) => author.data.name),
    siteName: settings.name,
    heroFile: heroFile(article),
  };
}

export const getStaticPaths = (async () => {
  const { articles, settings } = await getNewsroom();
  if (!isDevServer) {
    writePlan(site.cacheDir, articles.map((article) => ({ path: paths.ogCard(article.id), card: cardOf(article, settings) })));
    return [];
  }
  return articles.map((article) => ({ params: { slug: article.id }, props: { card: cardOf(article, settings) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
  new Response(new Uint8Array(await renderOgCard(props.card)), { headers: { 'content-type': 'image/jpeg' } });
