/**
 * Full article HTML for feeds: the same Content component the page renders,
 * with every link and image made absolute. Rendered once per article.
 */
import { render } from 'astro:content';
import { astroContainer } from '../render/container.ts';
import type { Article } from '../content.ts';
import { mdxComponents } from '../components/mdx/index.ts';
import { withBody } from '../content/body-store.ts';
import { absolutizeHtml } from '../lib/absolutize.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import { site } from '../site.config.ts';

const rendered = new Map<string, Promise<string>>();

async function renderArticle(article: Article): Promise<string> {
  const { Content } = await render(await withBody(article.entry));
  const html = await (await astroContainer()).renderToString(Content, { props: { components: mdxComponents } });
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
