import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type Article } from '../../content.ts';
import { cachedOgCard } from '../../og/cache.ts';

export const getStaticPaths = (async () => {
  const { articles } = await getNewsroom();
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/**
 * The hero file on disk, for the card's background. Astro's image metadata
 * carries only the built URL, so the path comes from the frontmatter itself.
 */
function heroFile(article: Article): string | undefined {
  const file = article.entry.filePath;
  if (!article.data.image || !file) return undefined;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
  const src = (yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA }) as { image?: { src?: unknown } }).image?.src;
  return typeof src === 'string' ? path.resolve(path.dirname(file), src) : undefined;
}

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const { article } = props;
  const { settings } = await getNewsroom();
  const png = await cachedOgCard({
    title: article.data.title,
    topic: article.primaryTopic.data.name,
    authors: article.authors.map((author) => author.data.name),
    siteName: settings.name,
    heroFile: heroFile(article),
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/jpeg' } });
};
