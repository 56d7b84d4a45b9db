import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/paths.ts';
import type { ContentFacts } from './validate-content.ts';

/** Pages that are not for search engines. */
const UNLISTED = /^\/(admin|search|404)(\/|\.html|$)/;

/** `sitemap-index.xml` for every public page, with each article's last change as `lastmod`. */
export function sitemapIntegration(facts: ContentFacts): AstroIntegration {
  let byPath: Map<string, Date> | undefined;
  return sitemap({
    filter: (page) => !UNLISTED.test(new URL(page).pathname),
    serialize: (item) => {
      byPath ??= new Map([...facts.lastModified].map(([slug, date]) => [paths.article(slug), date]));
      const lastmod = byPath.get(new URL(item.url).pathname);
      return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
    },
  });
}
