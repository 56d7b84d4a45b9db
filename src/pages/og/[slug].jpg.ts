import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Article } from '../../content.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { cachedOgCard } from '../../og/cache.ts';

export const getStaticPaths = (async () => {
  const { articles, settings } = await getNewsroom();
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { article },
    cacheKey: cacheKey(settings.name, article.cardKey),
  }));
}) satisfies GetStaticPaths;

/** Astro's image metadata knows the source file; the card draws the hero from it. */
function heroFile(article: Article): string | undefined {
  return (article.data.image?.src as { fsPath?: string } | undefined)?.fsPath;
}

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const { article } = props;
  const { settings } = await getNewsroom();
  const jpeg = await cachedOgCard({
    title: article.data.title,
    topic: article.primaryTopic.data.name,
    authors: article.authors.map((author) => author.data.name),
    siteName: settings.name,
    heroFile: heroFile(article),
  });
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg' } });
};
