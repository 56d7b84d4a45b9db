/**
 * Full article HTML for feeds: the same Content component the page renders,
 * with every link and image made absolute. Rendered once per article.
 */
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { Article } from '../content.ts';
import { mdxComponents } from '../components/mdx/index.ts';
import { absolutizeHtml } from '../lib/absolutize.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { site } from '../site.config.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

async function renderArticle(article: Article): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(article.entry);
  const html = await (await container).renderToString(Content, { props: { components: mdxComponents } });
  return absolutizeHtml(html, absoluteUrl(site.url, paths.article(article.id)));
}

export function articleHtml(article: Article): Promise<string> {
  let html = rendered.get(article.id);
  if (!html) {
    html = renderArticle(article);
    rendered.set(article.id, html);
  }
  return html;
}
